"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import type { TResourceUsage, TUsageItem } from "@/lib/shared/resource-usage/resource-usage.schema";

/** metrics-server's resolution: one sample per 15 s window. */
export const USAGE_INTERVAL_MS = 15_000;
/** Samples a chart keeps: the last hour at 15 s. */
const HISTORY_SAMPLES = 240;

export type UsageResource = "pods" | "nodes";

function usageUrl(clusterId: string, resource: UsageResource, namespace: string): string {
  const qs = new URLSearchParams({ resource });
  if (namespace) qs.set("namespace", namespace);
  return `/api/v1/clusters/${encodeURIComponent(clusterId)}/usage?${qs.toString()}`;
}

/** Query keys, cluster first (STYLE.md §8). */
export const usageKeys = {
  list: (clusterId: string, resource: UsageResource, namespace: string) => ["k8s", clusterId, "usage", resource, namespace] as const,
  history: (clusterId: string, resource: UsageResource, namespace: string, name: string) => ["k8s", clusterId, "usage-history", resource, namespace, { name }] as const,
};

/** CPU/memory of a cluster's pods (one namespace or all) or nodes, refreshed every metrics window. */
export function useResourceUsage(clusterId: string, resource: UsageResource, namespace: string, enabled = true) {
  return useQuery({
    queryKey: usageKeys.list(clusterId, resource, namespace),
    queryFn: ({ signal }) => apiFetch<TResourceUsage>(usageUrl(clusterId, resource, namespace), { signal }),
    refetchInterval: USAGE_INTERVAL_MS,
    enabled,
  });
}

export interface UsageHistory {
  usage: TResourceUsage;
  /** This object's samples, oldest first, one per metrics window (at most an hour). */
  samples: TUsageItem[];
}

/**
 * One pod's or node's usage over time: every metrics window adds a sample while the page
 * is open (the history lives in the query cache, so tabs and re-renders keep it).
 */
export function useUsageHistory(clusterId: string, resource: UsageResource, namespace: string, name: string) {
  const queryClient = useQueryClient();
  const key = usageKeys.history(clusterId, resource, namespace, name);
  return useQuery({
    queryKey: key,
    queryFn: async ({ signal }): Promise<UsageHistory> => {
      const usage = await apiFetch<TResourceUsage>(usageUrl(clusterId, resource, namespace), { signal });
      const before = queryClient.getQueryData<UsageHistory>(key)?.samples ?? [];
      const item = usage.available ? usage.items.find((i) => i.name === name && (i.namespace ?? "") === namespace) : undefined;
      const samples = item && before.at(-1)?.timestamp !== item.timestamp ? [...before, item].slice(-HISTORY_SAMPLES) : before;
      return { usage, samples };
    },
    refetchInterval: USAGE_INTERVAL_MS,
  });
}
