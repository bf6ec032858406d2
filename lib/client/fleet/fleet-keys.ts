import type { TFleetAlertsQuery, TFleetSearchQuery } from "@/lib/shared/fleet/fleet-query.schema";

/** Query keys of the fleet pages; the stream patches `summary` and every `clusters` page. */
export const fleetKeys = {
  all: () => ["fleet"] as const,
  summary: () => ["fleet", "summary"] as const,
  clustersAll: () => ["fleet", "clusters"] as const,
  clusters: (q: Record<string, unknown>) => ["fleet", "clusters", q] as const,
  trends: (clusterId: string, hours: number) => ["fleet", "trends", clusterId, hours] as const,
  alerts: (q: Partial<TFleetAlertsQuery>) => ["fleet", "alerts", q] as const,
  search: (q: Partial<TFleetSearchQuery>) => ["fleet", "search", q] as const,
  inventory: (q: Record<string, string>) => ["fleet", "inventory", q] as const,
  webhook: () => ["fleet", "webhook"] as const,
};

/** `?a=1&b=x` from the defined, non-empty values of `params` (label selectors as `k=v,k2=v2`). */
export function toQueryString(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    if (typeof value === "object") {
      const pairs = Object.entries(value as Record<string, string>).map(([k, v]) => `${k}=${v}`);
      if (pairs.length) search.set(key, pairs.join(","));
    } else search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : "";
}
