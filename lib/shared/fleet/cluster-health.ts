import type { TFleetCluster } from "./fleet.schema";

/**
 * One cluster's colour on the NOC wall, worst first:
 * - down: Unavailable (the console cannot reach it);
 * - degraded: reachable, but nodes not ready, failing pods or an unacknowledged alert;
 * - warning: numbers are stale, EdgeX services are down, or an acknowledged alert is open;
 * - pending: never connected (imported, agent not installed yet);
 * - ok: Active, fresh numbers, nothing failing.
 */
export const HEALTH_LEVELS = ["down", "degraded", "warning", "pending", "ok"] as const;
export type THealthLevel = (typeof HEALTH_LEVELS)[number];

/** Why a cluster is in trouble, the most important reason first (for the trouble list). */
export type TTroubleReason = "unavailable" | "nodesNotReady" | "podsFailing" | "alerts" | "stale" | "edgexDown" | "pending";

/** Every reason that applies to a cluster, most important first (empty when healthy). */
export function troubleReasons(c: TFleetCluster): TTroubleReason[] {
  const s = c.snapshot;
  const reasons: TTroubleReason[] = [];
  if (c.state === "unavailable") reasons.push("unavailable");
  if (s && s.nodesReady < s.nodesTotal) reasons.push("nodesNotReady");
  if (s && s.podsFailing > 0) reasons.push("podsFailing");
  if (c.alertsOpen > 0) reasons.push("alerts");
  if (c.state === "active" && (!s || !s.fresh)) reasons.push("stale");
  if (s?.edgex && s.edgex.servicesUp < s.edgex.servicesTotal) reasons.push("edgexDown");
  if (c.state === "pending") reasons.push("pending");
  return reasons;
}

/** The cluster's level (see HEALTH_LEVELS). */
export function clusterHealth(c: TFleetCluster): THealthLevel {
  if (c.state === "unavailable") return "down";
  if (c.state === "pending") return "pending";
  const s = c.snapshot;
  if ((s && (s.nodesReady < s.nodesTotal || s.podsFailing > 0)) || c.alertsUnacked > 0) return "degraded";
  if (!s || !s.fresh || c.alertsOpen > 0 || (s.edgex && s.edgex.servicesUp < s.edgex.servicesTotal)) return "warning";
  return "ok";
}

export const HEALTH_RANK: Record<THealthLevel, number> = { down: 0, degraded: 1, warning: 2, pending: 3, ok: 4 };

/**
 * Worst first: by level, then most failing pods, most not-ready nodes, most open alerts,
 * longest in its state, then name — a total order, so the wall never reshuffles equals.
 */
export function compareWorstFirst(a: TFleetCluster, b: TFleetCluster): number {
  const sa = a.snapshot;
  const sb = b.snapshot;
  return (
    HEALTH_RANK[clusterHealth(a)] - HEALTH_RANK[clusterHealth(b)] ||
    (sb?.podsFailing ?? 0) - (sa?.podsFailing ?? 0) ||
    (sb ? sb.nodesTotal - sb.nodesReady : 0) - (sa ? sa.nodesTotal - sa.nodesReady : 0) ||
    b.alertsOpen - a.alertsOpen ||
    a.stateSince.localeCompare(b.stateSince) ||
    a.name.localeCompare(b.name)
  );
}
