import type { TClusterLifecycle, TCreatedK3sUpgrade, TCreateK3sUpgrade, TK3sVersionSpread } from "@/lib/shared/upgrades/upgrades.schema";
import { apiFetch } from "./api-client";

export const upgradeKeys = {
  versions: () => ["k3s-versions"] as const,
  lifecycle: (clusterId: string) => ["cluster-lifecycle", clusterId] as const,
};

export const fetchK3sVersions = (signal?: AbortSignal) => apiFetch<TK3sVersionSpread>("/api/v1/k3s-upgrades/versions", { signal });
export const createK3sUpgrade = (body: Omit<TCreateK3sUpgrade, "agentConcurrency"> & { agentConcurrency?: number }) => apiFetch<TCreatedK3sUpgrade>("/api/v1/k3s-upgrades", { method: "POST", body });
export const fetchClusterLifecycle = (clusterId: string, signal?: AbortSignal) => apiFetch<TClusterLifecycle>(`/api/v1/clusters/${encodeURIComponent(clusterId)}/lifecycle`, { signal });
