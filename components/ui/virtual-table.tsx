"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

const ROW_HEIGHT = 36;
/** Rows before the end at which `onNearEnd` fires (the next page is fetched then). */
const NEAR_END_ROWS = 50;
/**
 * The viewport assumed before the grid is measured (the server render and the first client
 * render, which must agree): about one screen of rows, so rows read with the page are in its
 * HTML.
 */
const INITIAL_RECT = { width: 0, height: 600 };

export interface VirtualTableColumn {
  key: string;
  header: ReactNode;
  /** Extra classes of the column's header and cells (e.g. hidden below a breakpoint). */
  className?: string;
}

/**
 * The console's table for long lists in kubectl's look (the generic resource grid and the
 * curated explorer lists): virtualised rows (tens of thousands scroll smoothly), a sticky
 * header whose buttons sort (announced by aria-sort), focusable rows — ↑/↓ move, Enter
 * opens the row's page. Cells are the caller's; `onNearEnd` fires when the last rows come
 * into view.
 */
export function VirtualTable({
  label,
  testId,
  columns,
  rowCount,
  rowKey,
  rowHref,
  rowTestId,
  renderCell,
  cellTitle,
  sort,
  onSort,
  onNearEnd,
}: {
  label: string;
  testId: string;
  columns: VirtualTableColumn[];
  rowCount: number;
  rowKey: (index: number) => string;
  rowHref: (index: number) => string | null;
  rowTestId?: (index: number) => string;
  renderCell: (index: number, column: number, href: string | null) => ReactNode;
  cellTitle?: (index: number, column: number) => string | undefined;
  /** The sorted column's index and direction, if any. */
  sort: { column: number; dir: "asc" | "desc" } | null;
  onSort: (column: number) => void;
  onNearEnd?: () => void;
}) {
  const router = useRouter();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualiser's methods are called during render only; the compiler skipping this
  // component's memoisation is the intended trade-off (rows are memoised upstream).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rowCount, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12, initialRect: INITIAL_RECT });
  const virtualRows = virtualizer.getVirtualItems();
  const firstIndex = virtualRows[0]?.index ?? -1;
  const lastIndex = virtualRows.at(-1)?.index ?? -1;
  // A row to focus once the virtualiser has rendered it (arrow keys only, so typing in a
  // filter box never loses focus to the table).
  const [pendingFocus, setPendingFocus] = useState<number | null>(null);
  useEffect(() => {
    if (pendingFocus === null) return;
    const row = scrollRef.current?.querySelector<HTMLTableRowElement>(`tr[data-index="${pendingFocus}"]`);
    if (row) {
      row.focus();
      setPendingFocus(null);
    }
  }, [pendingFocus, firstIndex, lastIndex]);
  useEffect(() => {
    if (onNearEnd && lastIndex >= rowCount - NEAR_END_ROWS) onNearEnd();
  }, [lastIndex, rowCount, onNearEnd]);

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, index: number, href: string | null) => {
    if (event.key === "Enter" && href) router.push(href);
    else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = Math.max(0, Math.min(rowCount - 1, index + (event.key === "ArrowDown" ? 1 : -1)));
      virtualizer.scrollToIndex(next);
      setPendingFocus(next);
    }
  };
  const padTop = virtualRows[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);

  return (
    <div ref={scrollRef} className="max-h-[70vh] overflow-auto rounded-lg border border-slate-800" data-testid={testId}>
      <table className="w-full text-left font-mono text-xs" aria-label={label} aria-rowcount={rowCount + 1}>
        <thead className="sticky top-0 z-10 bg-slate-900 text-slate-400">
          <tr>
            {columns.map((c, i) => {
              const active = sort?.column === i;
              return (
                <th key={c.key} scope="col" className={`whitespace-nowrap px-3 py-2 font-semibold ${c.className ?? ""}`} aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}>
                  <button type="button" className="hover:text-white" onClick={() => onSort(i)}>
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
            const href = rowHref(v.index);
            return (
              <tr
                key={rowKey(v.index)}
                data-index={v.index}
                data-testid={rowTestId?.(v.index)}
                tabIndex={0}
                aria-rowindex={v.index + 2}
                onKeyDown={(e) => onRowKey(e, v.index, href)}
                className="h-9 hover:bg-slate-900/70 focus:bg-slate-800 focus:outline-none"
              >
                {columns.map((c, i) => (
                  <td key={c.key} className={`whitespace-nowrap px-3 ${c.className ?? ""}`} title={cellTitle?.(v.index, i)}>
                    {renderCell(v.index, i, href)}
                  </td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 ? <tr aria-hidden style={{ height: padBottom }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
