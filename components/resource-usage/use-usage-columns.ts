"use client";

import { useMemo } from "react";
import { useResourceUsage } from "@/lib/client/resource-usage/use-resource-usage";
import type { TExplorerResource } from "@/lib/shared/explorer/resources";
import type { TResourceUsage } from "@/lib/shared/resource-usage/resource-usage.schema";
import { NODE_USAGE_COLUMNS, POD_USAGE_COLUMNS, usageCells, usageKey, usageMap } from "@/lib/shared/resource-usage/usage-columns";
import type { ExtraColumns } from "@/components/explorer/use-table-rows";

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
    return {
      extra: {
        columns: kind === "pods" ? POD_USAGE_COLUMNS : NODE_USAGE_COLUMNS,
        cells: (object) => usageCells(kind, byKey.get(usageKey(kind === "pods" ? (object.metadata?.namespace ?? undefined) : undefined, object.metadata?.name ?? "")), object),
      },
    };
  }, [kind, data]);
}
