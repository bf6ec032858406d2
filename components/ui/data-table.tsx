import type { ReactNode } from "react";

export type DataTableColumn = ReactNode | { label: ReactNode; align?: "right"; key?: string };

function isColumnObject(c: DataTableColumn): c is { label: ReactNode; align?: "right"; key?: string } {
  return typeof c === "object" && c !== null && "label" in c;
}

const VARIANTS = {
  default: { table: "text-sm", head: "text-xs uppercase tracking-wide" },
  /** kubectl's look: monospace, small, headers as kubectl prints them. */
  kubectl: { table: "font-mono text-xs", head: "" },
} as const;

/**
 * The console's plain table: bordered, scrolls sideways, column headers with scope, a
 * label for assistive technology. Rows (`<tr>`) are the children. For thousands of rows
 * use the virtualised VirtualTable (virtual-table.tsx) instead.
 */
export function DataTable({
  label,
  columns,
  children,
  dense = true,
  variant = "default",
}: {
  label: string;
  columns: DataTableColumn[];
  children: ReactNode;
  dense?: boolean;
  variant?: keyof typeof VARIANTS;
}) {
  const pad = dense ? "px-3 py-2" : "px-4 py-2";
  const style = VARIANTS[variant];
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-800">
      <table className={`w-full text-left ${style.table}`} aria-label={label}>
        <thead className={`bg-slate-900 text-slate-400 ${style.head}`}>
          <tr>
            {columns.map((c, i) => {
              const column = isColumnObject(c) ? c : { label: c };
              return (
                <th key={column.key ?? i} scope="col" className={`whitespace-nowrap ${pad} ${column.align === "right" ? "text-right" : ""}`}>
                  {column.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-800">{children}</tbody>
      </table>
    </div>
  );
}
