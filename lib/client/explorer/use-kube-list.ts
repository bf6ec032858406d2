"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import type { TKubeList, TWatchMessage } from "@/lib/shared/explorer/explorer.schema";
import type { TExplorerResource } from "@/lib/shared/explorer/resources";
import { applyWatchMessages } from "./apply-watch-messages";
import { explorerKeys, listUrl } from "./explorer-keys";

/** How often buffered watch messages are written into the cache (one render per flush). */
const FLUSH_MS = 200;
const RETRY_UNAVAILABLE_MS = 15_000;

/**
 * A live list of one cluster: the list route through React Query, then the SSE watch
 * route, whose snapshot/change/status messages are written into the same cache entry with
 * setQueryData. EventSource reconnects by itself after drops (the server then sends a
 * fresh snapshot). `live` is false once the stream broke or the cluster is unreachable
 * (not while it first connects).
 */
export function useKubeList(clusterId: string, resource: TExplorerResource, namespace: string, labelSelector: string, opts: { watch?: boolean } = {}) {
  const queryClient = useQueryClient();
  const key = explorerKeys.list(clusterId, resource, namespace, { labelSelector });
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => apiFetch<TKubeList>(listUrl(clusterId, resource, namespace, labelSelector), { signal }),
    // An unreachable cluster is asked again on its own; the page keeps its last known rows.
    refetchInterval: (q) => (q.state.data?.error ? RETRY_UNAVAILABLE_MS : false),
  });
  // connecting → open; down after an error (EventSource then retries by itself).
  const [stream, setStream] = useState<"connecting" | "open" | "down">("connecting");
  const watch = opts.watch !== false;
  const ready = query.isSuccess && !query.data.error;
  // The list's resourceVersion when the stream opens: the server skips the snapshot if its
  // cache is at the same version. A ref: a newer version must not reopen the stream.
  const resourceVersion = useRef<string | null>(null);
  const latestVersion = query.data?.resourceVersion ?? null;
  useEffect(() => {
    resourceVersion.current = latestVersion;
  }, [latestVersion]);

  useEffect(() => {
    if (!watch || !ready) return;
    const qs = new URLSearchParams({ resource });
    if (namespace) qs.set("namespace", namespace);
    if (labelSelector) qs.set("labelSelector", labelSelector);
    if (resourceVersion.current) qs.set("resourceVersion", resourceVersion.current);
    const source = new EventSource(`/api/v1/clusters/${encodeURIComponent(clusterId)}/watch?${qs.toString()}`);
    let pending: TWatchMessage[] = [];
    const flush = () => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      queryClient.setQueryData<TKubeList>(key, (old) => (old ? applyWatchMessages(old, batch, Date.now()) : old));
    };
    const timer = setInterval(flush, FLUSH_MS);
    const onMessage = (event: MessageEvent<string>) => {
      pending.push(JSON.parse(event.data) as TWatchMessage);
    };
    for (const type of ["snapshot", "change", "status"]) source.addEventListener(type, onMessage);
    source.onopen = () => setStream("open");
    source.onerror = () => setStream("down");
    return () => {
      clearInterval(timer);
      source.close();
      setStream("connecting");
    };
    // The key's parts are listed; `key` itself is a new array every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [clusterId, resource, namespace, labelSelector, watch, ready, queryClient]);

  const data = query.data;
  const live = !!data && !data.error && !data.stale && (!watch || stream !== "down");
  return { query, data, live };
}
