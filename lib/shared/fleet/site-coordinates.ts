import { clusterHealth, HEALTH_RANK } from "./cluster-health";
import type { TFleetCluster } from "./fleet.schema";
import { emptyCounts, troubleCount, type THealthCounts } from "./wall-model";

/**
 * Cluster labels that place a cluster on the site map, in decimal degrees. Label values
 * cannot start with "-", so south and west are written with a hemisphere letter:
 * `52.52` or `52.52N`, `33.87S`; `13.40` or `13.40E`, `74.01W`.
 */
export const LATITUDE_LABEL = "topology.outpost.io/latitude";
export const LONGITUDE_LABEL = "topology.outpost.io/longitude";

const DEGREES = /^(\d{1,3}(?:\.\d+)?)([NSEW])?$/i;

/** Degrees from a label value, or null when it is missing, malformed or out of range. */
export function parseDegrees(value: string | undefined, axis: "lat" | "lon"): number | null {
  const m = value ? DEGREES.exec(value.trim()) : null;
  if (!m) return null;
  const hemisphere = m[2]?.toUpperCase();
  if (hemisphere && (axis === "lat" ? !"NS".includes(hemisphere) : !"EW".includes(hemisphere))) return null;
  const degrees = Number(m[1]) * (hemisphere === "S" || hemisphere === "W" ? -1 : 1);
  return Math.abs(degrees) <= (axis === "lat" ? 90 : 180) ? degrees : null;
}

/** The label values for a point (what to set on a cluster): `{ latitude: "33.87S", longitude: "151.21E" }`. */
export function formatDegrees(lat: number, lon: number): { latitude: string; longitude: string } {
  const f = (v: number) => String(Math.round(Math.abs(v) * 10_000) / 10_000);
  return { latitude: `${f(lat)}${lat < 0 ? "S" : "N"}`, longitude: `${f(lon)}${lon < 0 ? "W" : "E"}` };
}

export function clusterCoordinates(c: TFleetCluster): { lat: number; lon: number } | null {
  const lat = parseDegrees(c.labels[LATITUDE_LABEL], "lat");
  const lon = parseDegrees(c.labels[LONGITUDE_LABEL], "lon");
  return lat === null || lon === null ? null : { lat, lon };
}

/** A site on the map: its clusters' counts per level and where it is. */
export interface MapSite {
  /** Stable key: region + site (a cluster without a site is a site of its own). */
  key: string;
  region: string | null;
  site: string | null;
  /** Cluster name when the site is a single cluster without a site. */
  cluster: string | null;
  lat: number;
  lon: number;
  total: number;
  counts: THealthCounts;
  trouble: number;
}

/**
 * Sites with a position (the mean of their clusters' coordinates; clusters without
 * coordinates count at their site's position), worst first, and how many clusters could
 * not be placed at all.
 */
export function buildMapSites(clusters: Iterable<TFleetCluster>): { sites: MapSite[]; unplaced: number } {
  const acc = new Map<string, { region: string | null; site: string | null; cluster: string | null; lat: number; lon: number; placed: number; counts: THealthCounts; total: number }>();
  for (const c of clusters) {
    const key = c.site === null ? `cluster\u0000${c.id}` : `site\u0000${c.region ?? ""}\u0000${c.site}`;
    let a = acc.get(key);
    if (!a) acc.set(key, (a = { region: c.region, site: c.site, cluster: c.site === null ? c.name : null, lat: 0, lon: 0, placed: 0, counts: emptyCounts(), total: 0 }));
    const p = clusterCoordinates(c);
    if (p) {
      a.lat += p.lat;
      a.lon += p.lon;
      a.placed++;
    }
    a.counts[clusterHealth(c)]++;
    a.total++;
  }
  const sites: MapSite[] = [];
  let unplaced = 0;
  for (const [key, a] of acc) {
    if (a.placed === 0) {
      unplaced += a.total;
      continue;
    }
    sites.push({ key, region: a.region, site: a.site, cluster: a.cluster, lat: a.lat / a.placed, lon: a.lon / a.placed, total: a.total, counts: a.counts, trouble: troubleCount(a.counts) });
  }
  sites.sort((x, y) => worstLevel(x.counts) - worstLevel(y.counts) || y.trouble / y.total - x.trouble / x.total || y.trouble - x.trouble || y.total - x.total || x.key.localeCompare(y.key));
  return { sites, unplaced };
}

function worstLevel(counts: THealthCounts): number {
  for (const level of ["down", "degraded", "warning", "pending"] as const) if (counts[level] > 0) return HEALTH_RANK[level];
  return HEALTH_RANK.ok;
}
