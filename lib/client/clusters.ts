import type { TCluster } from "@/lib/shared/clusters/clusters.schema";
import { apiFetch } from "./api-client";

export const clusterKeys = {
  all: () => ["clusters"] as const,
  list: (filters: Record<string, string>) => ["clusters", "list", filters] as const,
  detail: (id: string) => ["clusters", "detail", id] as const,
};

export function fetchCluster(id: string, signal?: AbortSignal): Promise<TCluster> {
  return apiFetch<TCluster>(`/api/v1/clusters/${encodeURIComponent(id)}`, { signal });
}

export function fetchClusters(filters: Record<string, string>, signal?: AbortSignal): Promise<{ items: TCluster[]; total: number }> {
  return apiFetch(`/api/v1/clusters?${new URLSearchParams({ limit: "500", ...filters })}`, { signal });
}
