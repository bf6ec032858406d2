"use client";

import Link from "next/link";
import type { TTableColumn, TTableRow } from "@/lib/shared/resources/resources.schema";
import { StatusText } from "@/components/explorer/status-text";
import { VirtualTable } from "@/components/ui/virtual-table";

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
 * The rows of a Table with kubectl's headers in the console's virtualised table: the name
 * links to the object's page, STATUS is coloured. `onNearEnd` fetches the next page.
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
  const nameColumn = columns.findIndex((c) => c.cell === 0);
  return (
    <VirtualTable
      label={label}
      testId="resource-grid"
      columns={columns.map((c) => ({ key: `${c.cell}-${c.header}`, header: c.header }))}
      rowCount={rows.length}
      rowKey={(i) => `${rows[i]!.object?.metadata.namespace ?? ""}/${String(rows[i]!.cells[0])}`}
      rowHref={(i) => hrefOf(rows[i]!)}
      cellTitle={(i, c) => {
        const text = cellText(rows[i]!, columns[c]!);
        return text.length > 32 ? text : undefined;
      }}
      renderCell={(i, c, href) => {
        const column = columns[c]!;
        const text = cellText(rows[i]!, column);
        return (
          // Table cells ignore max-width; a block inside them does not.
          <div className="max-w-[14rem] truncate">
            {c === nameColumn && href ? (
              <Link href={href} tabIndex={-1} className="text-sky-300 hover:underline">
                {text}
              </Link>
            ) : column.header === "STATUS" ? (
              <StatusText status={text} />
            ) : (
              text
            )}
          </div>
        );
      }}
      sort={sort}
      onSort={onSort}
      onNearEnd={onNearEnd}
    />
  );
}
