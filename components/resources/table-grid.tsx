"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, type KeyboardEvent } from "react";
import type { TTableColumn, TTableRow } from "@/lib/shared/resources/resources.schema";
import { StatusText } from "@/components/explorer/status-text";

const ROW_HEIGHT = 36;

/** A column shown by the grid: an apiserver column (by index) or the namespace kubectl adds with -A. */
export interface GridColumn {
  header: string;
  /** Index into the row's cells; -1 = the row object's namespace. */
  cell: number;
  type: string;
}

/** A cell as kubectl prints it: nil is `<none>`, booleans and numbers as text. */
export function cellText(row: TTableRow, column: GridColumn): string {
  const value = column.cell < 0 ? (row.object?.metadata.namespace ?? "") : row.cells[column.cell];
  if (value === null || value === undefined) return "<none>";
  return String(value);
}

/** The grid's columns: NAMESPACE first for an all-namespaces list, then the apiserver's (priority 0, all with wide). */
export function gridColumns(defs: readonly TTableColumn[], opts: { namespace: boolean; wide: boolean; namespaceHeader: string }): GridColumn[] {
  const cols: GridColumn[] = defs.map((d, i) => ({ header: d.name.toUpperCase(), cell: i, type: d.type, priority: d.priority })).filter((c) => opts.wide || c.priority === 0);
  return opts.namespace ? [{ header: opts.namespaceHeader, cell: -1, type: "string" }, ...cols] : cols;
}

/**
 * The rows of a Table with kubectl's headers: virtualised (tens of thousands of rows scroll
 * smoothly), the name links to the object's page, ↑/↓ move between rows, Enter opens one.
 * `onNearEnd` fires when the last rows come into view (the next page is fetched then).
 */
export function TableGrid({
  label,
  columns,
  rows,
  hrefOf,
  sort,
  onSort,
  onNearEnd,
}: {
  label: string;
  columns: GridColumn[];
  rows: TTableRow[];
  hrefOf: (row: TTableRow) => string | null;
  sort: { column: number; dir: "asc" | "desc" } | null;
  onSort: (column: number) => void;
  onNearEnd?: () => void;
}) {
  const router = useRouter();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (onNearEnd && lastIndex >= rows.length - 50) onNearEnd();
  }, [lastIndex, rows.length, onNearEnd]);
  const nameColumn = columns.findIndex((c) => c.cell === 0);
  const padTop = virtualRows[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, index: number, href: string | null) => {
    if (event.key === "Enter" && href) router.push(href);
    else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = Math.max(0, Math.min(rows.length - 1, index + (event.key === "ArrowDown" ? 1 : -1)));
      virtualizer.scrollToIndex(next);
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLTableRowElement>(`tr[data-index="${next}"]`)?.focus());
    }
  };

  return (
    <div ref={scrollRef} className="max-h-[70vh] overflow-auto rounded-lg border border-slate-800" data-testid="resource-grid">
      <table className="w-full text-left font-mono text-xs" aria-label={label} aria-rowcount={rows.length + 1}>
        <thead className="sticky top-0 z-10 bg-slate-900 text-slate-400">
          <tr>
            {columns.map((c, i) => {
              const active = sort?.column === i;
              return (
                <th key={`${c.cell}-${c.header}`} scope="col" className="whitespace-nowrap px-3 py-2 font-semibold" aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}>
                  <button type="button" className="hover:text-white" onClick={() => onSort(i)}>
                    {c.header}
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
            const row = rows[v.index]!;
            const href = hrefOf(row);
            return (
              <tr key={`${row.object?.metadata.namespace ?? ""}/${String(row.cells[0])}`} data-index={v.index} tabIndex={0} aria-rowindex={v.index + 2} onKeyDown={(e) => onRowKey(e, v.index, href)} className="h-9 hover:bg-slate-900/70 focus:bg-slate-800 focus:outline-none">
                {columns.map((c, i) => {
                  const text = cellText(row, c);
                  return (
                    <td key={`${c.cell}-${c.header}`} className="whitespace-nowrap px-3" title={text.length > 32 ? text : undefined}>
                      {/* Table cells ignore max-width; a block inside them does not. */}
                      <div className="max-w-[14rem] truncate">
                      {i === nameColumn && href ? (
                        <Link href={href} tabIndex={-1} className="text-sky-300 hover:underline">
                          {text}
                        </Link>
                      ) : c.header === "STATUS" ? (
                        <StatusText status={text} />
                      ) : (
                        text
                      )}
                      </div>
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
