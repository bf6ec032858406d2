"use client";

import { useMemo } from "react";
import { useResourceUsage } from "@/lib/client/resource-usage/use-resource-usage";
import type { TExplorerResource } from "@/lib/shared/explorer/resources";
import type { TResourceUsage } from "@/lib/shared/resource-usage/resource-usage.schema";
import { POD_USAGE_COLUMNS, usageCells, usageKey, usageMap } from "@/lib/shared/resource-usage/usage-columns";
import type { ExtraColumns } from "@/components/explorer/use-table-rows";

const NODE_USAGE_CELLS = [
  { key: "cpu", header: "CPU(cores)" },
  { key: "memory", header: "MEMORY(bytes)" },
];

/**
 * `kubectl top`'s columns for a pods or nodes list (nothing for other kinds); `unavailable`
 * when the cluster has no usable metrics API (the list then shows a note, not zeros).
 */
export function useUsageColumns(clusterId: string, resource: TExplorerResource, namespace: string): { extra?: ExtraColumns; unavailable?: Extract<TResourceUsage, { available: false }> } {
  const kind = resource === "pods" || resource === "nodes" ? resource : null;
  const usage = useResourceUsage(clusterId, kind ?? "pods", kind === "pods" ? namespace : "", kind !== null);
  const data = kind ? usage.data : undefined;
  return useMemo(() => {
    if (!kind || !data) return {};
    if (!data.available) return { unavailable: data };
    const byKey = usageMap(data.items);
    const cellsOf = (object: Parameters<ExtraColumns["cells"]>[0]) => usageCells(kind, byKey.get(usageKey(kind === "pods" ? (object.metadata?.namespace ?? undefined) : undefined, object.metadata?.name ?? "")), object);
    if (kind === "pods") return { extra: { columns: POD_USAGE_COLUMNS, cells: cellsOf } };
    // Nodes: each figure with its share of allocatable in one cell ("379m (19%)"), so a
    // nodes list with kubectl's wide columns still fits a 1920 px screen.
    return {
      extra: {
        columns: NODE_USAGE_CELLS,
        cells: (object) => {
          const c = cellsOf(object);
          return { cpu: `${c.cpu} (${c.cpuPercent})`, memory: `${c.memory} (${c.memoryPercent})` };
        },
      },
    };
  }, [kind, data]);
}
