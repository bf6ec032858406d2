"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import type { TKubeEdgeOverview } from "@/lib/shared/kubeedge/kubeedge.schema";

export const kubeedgeKeys = {
  overview: (clusterId: string) => ["kubeedge", clusterId, "overview"] as const,
};

// KubeEdge lives beside EdgeX here: both are the console's edge views (issue 6).

/** Edge nodes, devices (twins, drift) and models of a cluster; refreshed every 15 s while shown. */
export function useKubeEdgeOverview(clusterId: string) {
  return useQuery({
    queryKey: kubeedgeKeys.overview(clusterId),
    queryFn: ({ signal }) => apiFetch<TKubeEdgeOverview>(`/api/v1/clusters/${encodeURIComponent(clusterId)}/kubeedge`, { signal }),
    refetchInterval: 15_000,
  });
}
