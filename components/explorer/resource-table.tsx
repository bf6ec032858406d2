"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { objectPageHref } from "@/lib/client/explorer/explorer-keys";
import type { TColumn } from "@/lib/shared/explorer/resource-rows";
import type { TKubeObject } from "@/lib/shared/explorer/explorer.schema";
import { resourceOfKind, type TExplorerResource } from "@/lib/shared/explorer/resources";
import { EdgeNodeBadge } from "@/components/kubeedge/edge-node-badge";
import { StatusText } from "./status-text";
import type { SortState, TableRowData } from "./use-table-rows";

const ROW_HEIGHT = 36;

/** Changes whenever the set of rendered rows changes (re-runs the focus effect). */
function virtualRowsKey(v: { getVirtualItems(): Array<{ index: number }> }): string {
  const items = v.getVirtualItems();
  return `${items[0]?.index ?? -1}-${items.at(-1)?.index ?? -1}`;
}
const STATUS_KEYS = new Set(["status", "type"]);
/**
 * Long free-text columns are cut at a width (full text on hover) so every column stays on
 * screen at 1440 px; rows have a fixed height (virtualised), so nothing wraps.
 */
const TRUNCATE: Readonly<Record<string, string>> = {
  message: "max-w-sm",
  object: "max-w-[16rem]",
  images: "max-w-[16rem]",
  osImage: "max-w-[11rem]",
  kernelVersion: "max-w-[10rem]",
  containerRuntime: "max-w-[11rem]",
  roles: "max-w-[10rem]",
  nodeSelector: "max-w-[10rem]",
  ports: "max-w-[12rem]",
  externalIp: "max-w-[10rem]",
  reason: "max-w-[12rem]",
  version: "max-w-[10rem]",
};
/**
 * kubectl's `-o wide` extras that only fit on a wide screen (≥ 1536 px); below that they
 * are on the object's page (as `kubectl get` without `-o wide` leaves them out).
 */
const WIDE_ONLY = new Set(["osImage", "kernelVersion"]);
const cellVisibility = (key: string) => (WIDE_ONLY.has(key) ? "hidden 2xl:table-cell" : "");

/** Where a row leads: the object's page (events lead to the object they are about). */
function hrefOf(clusterId: string, resource: TExplorerResource, obj: TKubeObject): string | null {
  if (resource === "events") {
    const involved = (obj as { involvedObject?: { kind?: string; name?: string; namespace?: string } }).involvedObject;
    const target = resourceOfKind(involved?.kind);
    return target && involved?.name ? objectPageHref(clusterId, target, involved.namespace ?? obj.metadata?.namespace, involved.name) : null;
  }
  if (resource === "namespaces") return `/clusters/${encodeURIComponent(clusterId)}/pods?ns=${encodeURIComponent(obj.metadata?.name ?? "")}`;
  return objectPageHref(clusterId, resource, obj.metadata?.namespace, obj.metadata?.name ?? "");
}

/**
 * A kubectl-style table of one resource (rows from useTableRows): sortable headers,
 * virtualised rows (thousands of pods scroll smoothly), focusable rows: ↑/↓ move, Enter
 * opens the object.
 */
export function ResourceTable({
  clusterId,
  resource,
  columns,
  rows,
  showNamespace,
  sort,
  onSort,
}: {
  clusterId: string;
  resource: TExplorerResource;
  columns: TColumn[];
  rows: TableRowData[];
  showNamespace: boolean;
  sort: SortState;
  onSort: (sort: SortState) => void;
}) {
  const t = useTranslations("explorer");
  const router = useRouter();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualiser's methods are called during render only; the compiler skipping this
  // component's memoisation is the intended trade-off (rows are memoised upstream).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  // A row to focus once the virtualiser has rendered it (arrow-key navigation only, so
  // typing in the filter box never loses focus to the table).
  const [pendingFocus, setPendingFocus] = useState<number | null>(null);
  const renderedRows = virtualRowsKey(virtualizer);
  useEffect(() => {
    if (pendingFocus === null) return;
    const row = scrollRef.current?.querySelector<HTMLTableRowElement>(`tr[data-index="${pendingFocus}"]`);
    if (row) {
      row.focus();
      setPendingFocus(null);
    }
  }, [pendingFocus, renderedRows]);

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, index: number, href: string | null) => {
    if (event.key === "Enter" && href) router.push(href);
    else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = Math.max(0, Math.min(rows.length - 1, index + (event.key === "ArrowDown" ? 1 : -1)));
      virtualizer.scrollToIndex(next);
      setPendingFocus(next);
    }
  };

  const virtualRows = virtualizer.getVirtualItems();
  const padTop = virtualRows[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);

  return (
    <div ref={scrollRef} className="max-h-[70vh] overflow-auto rounded-lg border border-slate-800" data-testid="resource-table">
      <table className="w-full text-left font-mono text-xs" aria-label={t(`resources.${resource}`)} aria-rowcount={rows.length + 1}>
        <thead className="sticky top-0 z-10 bg-slate-900 text-slate-400">
          <tr>
            {columns.map((c) => {
              const active = sort.key === c.key;
              return (
                <th key={c.key} scope="col" className={`whitespace-nowrap px-3 py-2 font-semibold ${cellVisibility(c.key)}`} aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}>
                  <button type="button" className="hover:text-white" onClick={() => onSort({ key: c.key, dir: active && sort.dir === "asc" ? "desc" : "asc" })}>
                    {c.header}
                    {/* The direction is announced by aria-sort; the arrow is for the eye. */}
                    {active ? <span aria-hidden>{sort.dir === "asc" ? " ▲" : " ▼"}</span> : null}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-800/70">
          {padTop > 0 ? <tr aria-hidden style={{ height: padTop }} /> : null}
          {virtualRows.map((v) => {
            const r = rows[v.index]!;
            const href = hrefOf(clusterId, resource, r.object);
            return (
              <tr
                key={`${r.object.metadata?.namespace ?? ""}/${r.object.metadata?.name ?? v.index}`}
                data-index={v.index}
                data-testid={`row-${r.row.name ?? ""}`}
                tabIndex={0}
                aria-rowindex={v.index + 2}
                onKeyDown={(e) => onRowKey(e, v.index, href)}
                className="h-9 hover:bg-slate-900/70 focus:bg-slate-800 focus:outline-none"
              >
                {columns.map((c, i) => {
                  const value = String(r.row[c.key] ?? "");
                  const text = STATUS_KEYS.has(c.key) && resource !== "services" && resource !== "secrets" ? <StatusText status={value} /> : value;
                  return (
                    <td key={c.key} className={`whitespace-nowrap px-3 ${cellVisibility(c.key)}`} title={TRUNCATE[c.key] && value ? value : undefined}>
                      {i === (showNamespace ? 1 : 0) && href ? (
                        <Link href={href} tabIndex={-1} className="text-sky-300 hover:underline">
                          {text}
                        </Link>
                      ) : TRUNCATE[c.key] ? (
                        <span className={`block truncate ${TRUNCATE[c.key]}`}>{text}</span>
                      ) : (
                        text
                      )}
                      {/* KubeEdge edge nodes are badged next to their name. */}
                      {i === 0 && resource === "nodes" ? <span className="ml-2 font-sans"><EdgeNodeBadge node={r.object} /></span> : null}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {padBottom > 0 ? <tr aria-hidden style={{ height: padBottom }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
