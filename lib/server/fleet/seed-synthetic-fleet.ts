import "server-only";
import { formatDegrees, LATITUDE_LABEL, LONGITUDE_LABEL } from "@/lib/shared/fleet/site-coordinates";
import { prisma } from "../db/prisma";

/** Where synthetic site-0 … site-39 are (40 cities on six continents), for the site map. */
const SITE_PLACES: Array<[number, number]> = [
  [52.52, 13.405], [48.857, 2.352], [40.417, -3.704], [41.903, 12.496], [51.507, -0.128], [59.329, 18.069], [52.23, 21.012], [48.208, 16.373],
  [45.764, 4.836], [53.551, 9.994], [59.913, 10.752], [60.17, 24.94], [53.35, -6.26], [38.72, -9.14], [37.98, 23.73], [41.01, 28.98],
  [40.71, -74.01], [41.88, -87.63], [29.76, -95.37], [34.05, -118.24], [47.61, -122.33], [43.65, -79.38], [19.43, -99.13], [-23.55, -46.63],
  [-34.6, -58.38], [-33.45, -70.67], [6.52, 3.38], [-1.29, 36.82], [-26.2, 28.05], [30.04, 31.24], [25.2, 55.27], [19.08, 72.88],
  [1.35, 103.82], [31.23, 121.47], [35.68, 139.69], [37.57, 126.98], [-33.87, 151.21], [-31.95, 115.86], [-36.85, 174.76], [-6.21, 106.85],
];

/**
 * Dev/bench/test tool, never called by the console: inserts `count` synthetic clusters
 * ("syn-00001" …) with snapshots, spread over 8 regions and 40 sites (each site placed at
 * a city through the coordinate labels), ~90 % Active, ~7 %
 * Unavailable (stale snapshots), ~3 % Pending, 2 % on a k3s three minors behind, and open
 * alerts on the Unavailable ones —
 * in a handful of set-based statements (10,000 clusters in well under a second).
 * `region` puts them all into one region. `historyHours` adds one history point per 5 minutes per cluster for that many hours.
 */
export async function seedSyntheticFleet(count: number, opts: { prefix?: string; historyHours?: number; now?: Date; region?: string } = {}): Promise<void> {
  const prefix = opts.prefix ?? "syn-";
  const now = opts.now ?? new Date();
  const places = SITE_PLACES.map(([lat, lon]) => formatDegrees(lat, lon));
  const lats = places.map((p) => p.latitude);
  const lons = places.map((p) => p.longitude);
  await prisma.$executeRaw`
    INSERT INTO clusters (id, name, "displayName", labels, region, site, "updatedAt", state, "stateSince", "lastSeenAt", "connectedAt", "kubernetesVersion", "nodeCount", "serverCount")
    SELECT ${prefix} || lpad(i::text, 5, '0'), ${prefix} || lpad(i::text, 5, '0'), 'Synthetic ' || i,
      jsonb_build_object('env', (ARRAY['prod','staging','lab'])[1 + i % 3], 'tier', (ARRAY['edge','core'])[1 + i % 2],
        ${LATITUDE_LABEL}::text, (${lats}::text[])[1 + i % 40], ${LONGITUDE_LABEL}::text, (${lons}::text[])[1 + i % 40]),
      COALESCE(${opts.region ?? null}::text, 'region-' || (i % 8)), 'site-' || (i % 40), ${now},
      (CASE WHEN i % 31 = 0 THEN 'pending' WHEN i % 14 = 0 THEN 'unavailable' ELSE 'active' END)::"ClusterState",
      ${now}::timestamp - interval '2 hours', ${now}, CASE WHEN i % 31 = 0 THEN NULL ELSE ${now}::timestamp - interval '30 days' END, CASE WHEN i % 50 = 0 THEN 'v1.30.9+k3s1' WHEN i % 3 = 0 THEN 'v1.32.5+k3s1' ELSE 'v1.33.1+k3s1' END, 1 + i % 5, 1
    FROM generate_series(1, ${count}::int) AS i`;
  await prisma.$executeRaw`
    INSERT INTO fleet_snapshots ("clusterId", "collectedAt", "changedAt", "nodesReady", "nodesTotal", "podsTotal", "podsRunning", "podsPending",
      "podsSucceeded", "podsFailed", "podsUnknown", "podsFailing", "podsCrashLooping", "deploymentsTotal", "deploymentsUnavailable",
      "warningEvents", "kubernetesVersion", "edgexServicesUp", "edgexServicesTotal", "edgexDevicesUp", "edgexDevicesTotal", details)
    SELECT c.id, CASE WHEN c.state = 'unavailable' THEN ${now}::timestamp - interval '20 minutes' ELSE ${now} END, ${now},
      c."nodeCount" - (n % 17 = 0)::int, c."nodeCount", 20 + n % 60, 18 + n % 60, 1, 1, 0, 0, (n % 9 = 0)::int * 2, (n % 9 = 0)::int,
      8 + n % 10, (n % 13 = 0)::int, n % 7, c."kubernetesVersion",
      CASE WHEN n % 4 = 0 THEN 9 - (n % 23 = 0)::int END, CASE WHEN n % 4 = 0 THEN 9 END, CASE WHEN n % 4 = 0 THEN 3 END, CASE WHEN n % 4 = 0 THEN 3 END, '{}'::jsonb
    FROM (SELECT c.*, substr(c.id, length(${prefix}) + 1)::int AS n FROM clusters c WHERE c.id LIKE ${prefix + "%"} AND c.state <> 'pending') c`;
  await prisma.$executeRaw`
    INSERT INTO fleet_alerts (id, key, "clusterId", rule, subject, severity, params, since, "firedAt", "lastSeenAt")
    SELECT 'alert-' || c.id, c.id || '|cluster-unavailable|', c.id, 'cluster-unavailable', '', 'critical', jsonb_build_object('cluster', c.name),
      c."stateSince", ${now}, ${now}
    FROM clusters c WHERE c.id LIKE ${prefix + "%"} AND c.state = 'unavailable'`;
  if (opts.historyHours) {
    await prisma.$executeRaw`
      INSERT INTO fleet_snapshot_history ("clusterId", at, "nodesReady", "nodesTotal", "podsFailing", "podsCrashLooping", "deploymentsUnavailable", "warningEvents")
      SELECT s."clusterId", ${now}::timestamp - make_interval(mins => 5 * k), s."nodesReady", s."nodesTotal", (s."podsFailing" + k % 3), s."podsCrashLooping", 0, 0
      FROM fleet_snapshots s CROSS JOIN generate_series(0, ${Math.floor((opts.historyHours * 60) / 5)}::int) AS k
      WHERE s."clusterId" LIKE ${prefix + "%"}`;
  }
}

/** Removes the synthetic clusters of `prefix` and everything the fleet stored about them, in one transaction. */
export async function removeSyntheticFleet(prefix = "syn-"): Promise<number> {
  const like = `${prefix}%`;
  const [, , , , removed] = await prisma.$transaction([
    prisma.$executeRaw`DELETE FROM fleet_alerts WHERE "clusterId" LIKE ${like}`,
    prisma.$executeRaw`DELETE FROM fleet_snapshot_history WHERE "clusterId" LIKE ${like}`,
    prisma.$executeRaw`DELETE FROM fleet_search_entries WHERE "clusterId" LIKE ${like}`,
    prisma.$executeRaw`DELETE FROM fleet_snapshots WHERE "clusterId" LIKE ${like}`,
    prisma.$executeRaw`DELETE FROM clusters WHERE id LIKE ${like}`,
  ]);
  return removed;
}
