"use client";

import { useMemo } from "react";
import { useNow } from "@/lib/client/explorer/use-now";
import { NAMESPACE_COLUMN, rowOf, sortRows, TABLE_COLUMNS, type TColumn, type TRow } from "@/lib/shared/explorer/resource-rows";
import type { TKubeObject } from "@/lib/shared/explorer/explorer.schema";
import type { TExplorerResource } from "@/lib/shared/explorer/resources";

export interface SortState {
  key: string;
  dir: "asc" | "desc";
}

export interface TableRowData {
  object: TKubeObject;
  row: TRow;
}

/**
 * kubectl's rows of a list, recomputed as time passes (AGE), filtered by text over the
 * shown columns and sorted (ages by time, counts numerically, then by name).
 */
/** Columns added after kubectl's (e.g. `kubectl top`'s CPU and memory) and their cells per object. */
export interface ExtraColumns {
  columns: readonly TColumn[];
  cells: (object: TKubeObject) => TRow;
}

export function useTableRows(resource: TExplorerResource, items: ReadonlyArray<{ object: TKubeObject }>, showNamespace: boolean, filter: string, sort: SortState, extra?: ExtraColumns): { columns: TColumn[]; rows: TableRowData[] } {
  const now = useNow();
  const columns = useMemo(() => [...(showNamespace ? [NAMESPACE_COLUMN] : []), ...TABLE_COLUMNS[resource], ...(extra?.columns ?? [])], [resource, showNamespace, extra]);
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const all = items.map((item) => ({ object: item.object, row: extra ? { ...rowOf(resource, item.object, now), ...extra.cells(item.object) } : rowOf(resource, item.object, now) }));
    const filtered = needle ? all.filter(({ row }) => columns.some((c) => String(row[c.key] ?? "").toLowerCase().includes(needle))) : all;
    return sortRows(filtered, sort);
  }, [items, resource, now, filter, sort, columns, extra]);
  return { columns, rows };
}
