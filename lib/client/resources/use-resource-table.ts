"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { resourceApiHref, type TResourceRef } from "@/lib/shared/resources/resource-path";
import type { TResourceTable, TTableRow, TTableWatchMessage } from "@/lib/shared/resources/resources.schema";
import { TABLE_FIRST_PAGE_ROWS, TABLE_PAGE_ROWS, type TInitialTablePage, type TTableView } from "@/lib/shared/resources/table-paging";
import { resourceKeys } from "./resource-keys";

/** After a watch ended (410, cluster lost) the list is read again after this delay. */
const RELIST_MS = 2_000;

export type TableParams = TTableView;

/** A row's identity: namespace/name from its PartialObjectMetadata (the first cell otherwise). */
export function rowKey(row: TTableRow): string {
  const m = row.object?.metadata;
  return m?.name ? `${m.namespace ?? ""}/${m.name}` : String(row.cells[0]);
}

function pageUrl(clusterId: string, ref: TResourceRef, params: TableParams, extra: Record<string, string>): string {
  const qs = new URLSearchParams(extra);
  if (params.namespace) qs.set("namespace", params.namespace);
  if (params.labelSelector) qs.set("labelSelector", params.labelSelector);
  if (params.fieldSelector) qs.set("fieldSelector", params.fieldSelector);
  return `${resourceApiHref(clusterId, ref)}?${qs.toString()}`;
}

function sameView(a: TableParams, b: TableParams): boolean {
  return a.namespace === b.namespace && a.labelSelector === b.labelSelector && a.fieldSelector === b.fieldSelector;
}

/**
 * Any resource's list as the apiserver's Table: a first page of 100 rows (read with the
 * page on the server when it could be: `initial`), then pages of 500 fetched with
 * `continue` as the user scrolls (`loadMore`), kept live by the Table watch (SSE) from the
 * first page's resourceVersion — changed rows replace theirs, new ones are appended,
 * deleted ones leave. The watch keeps the pages current, so they are never refetched as
 * stale; a watch that ends relists.
 */
export function useResourceTable(clusterId: string, ref: TResourceRef, params: TableParams, initial?: TInitialTablePage | null) {
  const key = resourceKeys.table(clusterId, ref, params);
  const seed = initial && sameView(initial.view, params) ? initial.table : undefined;
  const query = useInfiniteQuery({
    queryKey: key,
    initialPageParam: "",
    queryFn: ({ pageParam, signal }) => apiFetch<TResourceTable>(pageUrl(clusterId, ref, params, { limit: String(pageParam ? TABLE_PAGE_ROWS : TABLE_FIRST_PAGE_ROWS), ...(pageParam ? { continue: pageParam } : {}) }), { signal }),
    getNextPageParam: (last) => last.metadata.continue || undefined,
    initialData: seed ? { pages: [seed], pageParams: [""] } : undefined,
    staleTime: Infinity,
  });
  const first = query.data?.pages[0];
  const resourceVersion = first?.metadata.resourceVersion ?? "";
  const [live, setLive] = useState<{ rv: string; changes: Map<string, TTableRow | null>; live: boolean }>({ rv: "", changes: new Map(), live: false });
  const refetch = query.refetch;

  useEffect(() => {
    if (!resourceVersion) return;
    const url = pageUrl(clusterId, ref, params, { watch: "true", resourceVersion });
    const source = new EventSource(url);
    let pending: TTableWatchMessage[] = [];
    let relist: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      setLive((old) => {
        const changes = new Map(old.rv === resourceVersion ? old.changes : []);
        let isLive = old.rv === resourceVersion ? old.live : false;
        for (const m of batch) {
          if (m.type === "change") changes.set(rowKey(m.row), m.event === "DELETED" ? null : m.row);
          else if (m.type === "status") isLive = m.live;
        }
        return { rv: resourceVersion, changes, live: isLive };
      });
    };
    const timer = setInterval(flush, 200);
    const onMessage = (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as TTableWatchMessage;
      pending.push(message);
      if (message.type === "status" && !message.live) {
        source.close();
        flush();
        relist = setTimeout(() => void refetch(), RELIST_MS);
      }
    };
    for (const type of ["change", "status", "bookmark"]) source.addEventListener(type, onMessage as EventListener);
    return () => {
      clearInterval(timer);
      clearTimeout(relist);
      source.close();
    };
    // ref and params are part of the query key; the watch follows the list's version.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [clusterId, resourceVersion, refetch]);

  const rows = useMemo(() => {
    const merged = new Map<string, TTableRow>();
    for (const page of query.data?.pages ?? []) for (const row of page.rows) merged.set(rowKey(row), row);
    if (live.rv === resourceVersion) {
      for (const [k, row] of live.changes) {
        if (row) merged.set(k, row);
        else merged.delete(k);
      }
    }
    return [...merged.values()];
  }, [query.data, live, resourceVersion]);

  return {
    query,
    columns: first?.columnDefinitions ?? [],
    rows,
    live: live.rv === resourceVersion && live.live,
    remaining: query.data?.pages.at(-1)?.metadata.remainingItemCount ?? null,
    loadMore: () => {
      if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
    },
  };
}
