import type { TFleetCluster, TFleetSummary } from "./fleet.schema";

/**
 * Fleet totals from cluster rows — what the stream hub sends each interval, computed from
 * the rows it already read (no second query). Same definitions as the SQL of
 * GET /fleet/summary (lib/server/fleet/get-fleet-summary.ts): failing pods and node totals
 * are last-known numbers; nodes count as ready, and EdgeX services as up, only in Active
 * clusters (an unreachable cluster's nodes are not known to be ready).
 */
export function summarizeFleet(rows: Iterable<TFleetCluster>, at: Date): TFleetSummary {
  const s: TFleetSummary = {
    clusters: { total: 0, pending: 0, active: 0, unavailable: 0, stale: 0 },
    nodes: { ready: 0, total: 0 },
    pods: { total: 0, failing: 0, crashLooping: 0 },
    edgex: { clusters: 0, servicesUp: 0, servicesTotal: 0, servicesDown: 0 },
    alerts: { open: 0, unacked: 0 },
    freshAt: null,
    at: at.toISOString(),
  };
  let freshAt = 0;
  for (const row of rows) {
    s.clusters.total++;
    s.clusters[row.state]++;
    s.alerts.open += row.alertsOpen;
    s.alerts.unacked += row.alertsUnacked;
    const snap = row.snapshot;
    if (!snap) continue;
    const active = row.state === "active";
    if (!snap.fresh) s.clusters.stale++;
    s.nodes.total += snap.nodesTotal;
    if (active) s.nodes.ready += snap.nodesReady;
    s.pods.total += snap.podsTotal;
    s.pods.failing += snap.podsFailing;
    s.pods.crashLooping += snap.podsCrashLooping;
    if (snap.edgex) {
      s.edgex.clusters++;
      s.edgex.servicesTotal += snap.edgex.servicesTotal;
      if (active) s.edgex.servicesUp += snap.edgex.servicesUp;
    }
    freshAt = Math.max(freshAt, Date.parse(snap.collectedAt));
  }
  s.edgex.servicesDown = s.edgex.servicesTotal - s.edgex.servicesUp;
  s.freshAt = freshAt ? new Date(freshAt).toISOString() : null;
  return s;
}
