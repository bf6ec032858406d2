import { clusterHealth, compareWorstFirst, HEALTH_LEVELS, type THealthLevel } from "./cluster-health";
import type { TFleetCluster } from "./fleet.schema";

export type THealthCounts = Record<THealthLevel, number>;

/** A second-level group of the wall (a site), its clusters worst first. */
export interface WallSite {
  key: string | null;
  clusters: TFleetCluster[];
  counts: THealthCounts;
}

/** A first-level group of the wall (by default a region). */
export interface WallGroup {
  key: string | null;
  total: number;
  counts: THealthCounts;
  sites: WallSite[];
}

export interface WallModel {
  groups: WallGroup[];
  /** False when the wall is grouped by site already (no second level). */
  bySite: boolean;
  total: number;
  counts: THealthCounts;
  /** Every cluster that is not ok, worst first (the trouble list). */
  trouble: TFleetCluster[];
}

export function emptyCounts(): THealthCounts {
  return Object.fromEntries(HEALTH_LEVELS.map((l) => [l, 0])) as THealthCounts;
}

/** The value a cluster is grouped by: "region", "site", "state" or "label:<key>". */
export function wallGroupOf(c: TFleetCluster, group: string): string | null {
  if (group === "region") return c.region;
  if (group === "site") return c.site;
  if (group === "state") return c.state;
  if (group.startsWith("label:")) return c.labels[group.slice(6)] ?? null;
  return null;
}

/** Name order, "no value" last. */
function compareKeys(a: string | null, b: string | null): number {
  return a === null ? (b === null ? 0 : 1) : b === null ? -1 : a.localeCompare(b);
}

/**
 * The NOC wall's content: clusters grouped by `group` (then by site), groups and sites in
 * name order so each keeps its place on the wall, clusters worst first within a site,
 * counts per level at every level, and the fleet's trouble list. `focus` keeps only one
 * first-level group (the wall's zoom).
 */
export function buildWallModel(clusters: Iterable<TFleetCluster>, group: string, focus?: string | null): WallModel {
  const bySite = group !== "site";
  const tree = new Map<string | null, Map<string | null, TFleetCluster[]>>();
  const counts = emptyCounts();
  const trouble: TFleetCluster[] = [];
  let total = 0;
  for (const c of clusters) {
    const key = wallGroupOf(c, group);
    if (focus !== undefined && focus !== null && key !== focus) continue;
    const level = clusterHealth(c);
    counts[level]++;
    total++;
    if (level !== "ok") trouble.push(c);
    let sites = tree.get(key);
    if (!sites) tree.set(key, (sites = new Map()));
    const siteKey = bySite ? c.site : null;
    const list = sites.get(siteKey);
    if (list) list.push(c);
    else sites.set(siteKey, [c]);
  }
  const groups: WallGroup[] = [...tree.keys()].sort(compareKeys).map((key) => {
    const siteMap = tree.get(key)!;
    const groupCounts = emptyCounts();
    const sites = [...siteMap.keys()].sort(compareKeys).map((siteKey) => {
      const members = siteMap.get(siteKey)!.sort(compareWorstFirst);
      const siteCounts = emptyCounts();
      for (const c of members) {
        const level = clusterHealth(c);
        siteCounts[level]++;
        groupCounts[level]++;
      }
      return { key: siteKey, clusters: members, counts: siteCounts };
    });
    return { key, total: sites.reduce((n, s) => n + s.clusters.length, 0), counts: groupCounts, sites };
  });
  return { groups, bySite, total, counts, trouble: trouble.sort(compareWorstFirst) };
}

/** Clusters not ok in a set of counts. */
export function troubleCount(counts: THealthCounts): number {
  return counts.down + counts.degraded + counts.warning + counts.pending;
}
