import type { TClusterGroup, TClusterGroupInput } from "@/lib/shared/cluster-groups/cluster-groups.schema";
import { apiFetch } from "./api-client";

export const clusterGroupKeys = {
  all: () => ["cluster-groups"] as const,
};

export const fetchClusterGroups = (signal?: AbortSignal) => apiFetch<{ items: TClusterGroup[] }>("/api/v1/cluster-groups", { signal });
export const createClusterGroup = (body: TClusterGroupInput) => apiFetch<TClusterGroup>("/api/v1/cluster-groups", { method: "POST", body });
export const deleteClusterGroup = (id: string) => apiFetch<{ ok: true }>(`/api/v1/cluster-groups/${encodeURIComponent(id)}`, { method: "DELETE" });
