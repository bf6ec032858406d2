import type { TBundleDetail, TBundleRevision, TBundleSummary, TClusterBundle, TCreateBundle, TCreateBundleRevision } from "@/lib/shared/bundles/bundles.schema";
import { apiFetch } from "./api-client";

export const bundleKeys = {
  all: () => ["bundles"] as const,
  list: () => ["bundles", "list"] as const,
  detail: (id: string) => ["bundles", "detail", id] as const,
  revisions: (id: string) => ["bundles", "revisions", id] as const,
  ofCluster: (clusterId: string) => ["bundles", "cluster", clusterId] as const,
};

const base = (id: string) => `/api/v1/bundles/${encodeURIComponent(id)}`;

export const fetchBundles = (signal?: AbortSignal) => apiFetch<{ items: TBundleSummary[] }>("/api/v1/bundles", { signal });
export const fetchBundle = (id: string, signal?: AbortSignal) => apiFetch<TBundleDetail>(base(id), { signal });
export const fetchBundleRevisions = (id: string, signal?: AbortSignal) => apiFetch<{ items: TBundleRevision[] }>(`${base(id)}/revisions`, { signal });
export const fetchClusterBundles = (clusterId: string, signal?: AbortSignal) => apiFetch<{ items: TClusterBundle[] }>(`/api/v1/clusters/${encodeURIComponent(clusterId)}/bundles`, { signal });
export const createBundle = (body: TCreateBundle) => apiFetch<TBundleDetail>("/api/v1/bundles", { method: "POST", body });
export const createBundleRevision = (id: string, body: TCreateBundleRevision) => apiFetch<TBundleDetail>(`${base(id)}/revisions`, { method: "POST", body });
export const bundleAction = (id: string, action: "pause" | "resume" | "abort" | "rollback", body: { revision?: number } = {}) =>
  apiFetch<TBundleDetail>(`${base(id)}/${action}`, { method: "POST", body });
export const deleteBundle = (id: string, prune: boolean) => apiFetch<{ deleted: boolean; clustersLeft: number }>(`${base(id)}?prune=${prune}`, { method: "DELETE" });
export const syncBundle = (id: string) => apiFetch<{ commit: string | null; revision: number | null; error: string | null }>(`${base(id)}/sync`, { method: "POST" });
