import "server-only";
import { prisma } from "../db/prisma";

/**
 * Dev/bench/test tool, never called by the console: inserts `count` synthetic clusters
 * ("syn-00001" …) with snapshots, spread over 8 regions and 40 sites, ~90 % Active, ~7 %
 * Unavailable (stale snapshots), ~3 % Pending, 2 % on a k3s three minors behind, and open
 * alerts on the Unavailable ones —
 * in a handful of set-based statements (10,000 clusters in well under a second).
 * `historyHours` adds one history point per 5 minutes per cluster for that many hours.
 */
export async function seedSyntheticFleet(count: number, opts: { prefix?: string; historyHours?: number; now?: Date } = {}): Promise<void> {
  const prefix = opts.prefix ?? "syn-";
  const now = opts.now ?? new Date();
  await prisma.$executeRaw`
    INSERT INTO clusters (id, name, "displayName", labels, region, site, "updatedAt", state, "stateSince", "lastSeenAt", "connectedAt", "kubernetesVersion", "nodeCount", "serverCount")
    SELECT ${prefix} || lpad(i::text, 5, '0'), ${prefix} || lpad(i::text, 5, '0'), 'Synthetic ' || i,
      jsonb_build_object('env', (ARRAY['prod','staging','lab'])[1 + i % 3], 'tier', (ARRAY['edge','core'])[1 + i % 2]),
      'region-' || (i % 8), 'site-' || (i % 40), ${now},
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
