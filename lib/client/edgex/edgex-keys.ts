import type { TEdgexLatestQuery, TEdgexPageQuery } from "@/lib/shared/edgex/edgex-api.schema";

/** Query keys of the EdgeX views, cluster first (STYLE.md §8): `['edgex', clusterId, what, params]`. */
export const edgexKeys = {
  cluster: (clusterId: string) => ["edgex", clusterId] as const,
  overview: (clusterId: string) => ["edgex", clusterId, "overview"] as const,
  page: (clusterId: string, list: EdgexList, page: Partial<TEdgexPageQuery>) => ["edgex", clusterId, list, page] as const,
  device: (clusterId: string, device: string) => ["edgex", clusterId, "device", device] as const,
  latest: (clusterId: string, kind: "readings" | "events", query: Partial<TEdgexLatestQuery>) => ["edgex", clusterId, kind, query] as const,
  config: (clusterId: string, namespace: string, name: string) => ["edgex", clusterId, "config", namespace, name] as const,
};

export type EdgexList = "devices" | "profiles" | "device-services";

/** Base URL of a cluster's EdgeX API. */
export function edgexUrl(clusterId: string, ...segments: string[]): string {
  return [`/api/v1/clusters/${encodeURIComponent(clusterId)}/edgex`, ...segments.map((s) => encodeURIComponent(s))].join("/");
}

/** A URL with a query string made of the defined values. */
export function withQuery(url: string, query: Record<string, string | number | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${url}?${s}` : url;
}

/** How often the views poll: the overview (service health) and the live readings. */
export const EDGEX_REFRESH_MS = 10_000;
export const EDGEX_READINGS_REFRESH_MS = 5_000;
