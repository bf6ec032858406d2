import type { TFleetClustersPage } from "@/lib/shared/fleet/fleet-api.schema";
import type { TFleetCluster } from "@/lib/shared/fleet/fleet.schema";

/**
 * Patches a page of the cluster list with rows pushed by the stream: rows on the page are
 * replaced, removed clusters drop out. Rows not on the page are ignored — the page's
 * membership and order only change when the user pages, filters or refreshes (otherwise
 * every dashboard would re-query on every change and the one shared read would be moot).
 */
export function applyDeltaToPage(page: TFleetClustersPage | undefined, changed: TFleetCluster[], removed: string[]): TFleetClustersPage | undefined {
  if (!page || (changed.length === 0 && removed.length === 0)) return page;
  const byId = new Map(changed.map((r) => [r.id, r]));
  const gone = new Set(removed);
  let touched = false;
  const items: TFleetCluster[] = [];
  for (const row of page.items) {
    if (gone.has(row.id)) {
      touched = true;
      continue;
    }
    const next = byId.get(row.id);
    if (next) touched = true;
    items.push(next ?? row);
  }
  return touched ? { ...page, items } : page;
}

/** Applies a delta to a whole-fleet map (kiosk): a new Map, old one left for the collector. */
export function applyDeltaToMap(map: ReadonlyMap<string, TFleetCluster>, changed: TFleetCluster[], removed: string[]): Map<string, TFleetCluster> {
  const next = new Map(map);
  for (const row of changed) next.set(row.id, row);
  for (const id of removed) next.delete(id);
  return next;
}
