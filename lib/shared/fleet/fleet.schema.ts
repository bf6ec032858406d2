import { z } from "zod";
import type { TClusterState } from "../clusters/clusters.schema";

/**
 * EdgeX summary of one cluster, filled by the EdgeX work (issue 6) through
 * `registerEdgexSummarySource`; null when the cluster runs no EdgeX or no source is registered.
 */
export const ZEdgexSummarySchema = z.object({
  servicesUp: z.number().int().min(0),
  servicesTotal: z.number().int().min(0),
  devicesUp: z.number().int().min(0),
  devicesTotal: z.number().int().min(0),
  /** ISO 8601 time of the newest reading, or null when none was seen. */
  lastReadingAt: z.string().nullable(),
});
export type TEdgexSummary = z.infer<typeof ZEdgexSummarySchema>;

/** Names behind a snapshot's numbers, capped (see HEALTH_DETAIL_CAP). */
export interface THealthDetails {
  /** Not-ready nodes with the time their Ready condition last changed (ISO, may be null). */
  notReadyNodes: Array<{ name: string; since: string | null }>;
  /** "namespace/name" of crash-looping pods. */
  crashLoopingPods: string[];
  /** "namespace/name STATUS" of failing pods. */
  failingPods: string[];
  /** "namespace/name" of deployments with fewer available replicas than desired. */
  unavailableDeployments: string[];
  /** Distinct kubelet versions of the nodes. */
  kubeletVersions: string[];
  /** EdgeX services reported down (names), when the EdgeX source tells. */
  edgexServicesDown: string[];
  /** "namespace/name" of StatefulSets / DaemonSets with fewer ready (available) pods than desired — when reported (agents of protocol 4). */
  unavailableStatefulSets?: string[];
  unavailableDaemonSets?: string[];
}

/** StatefulSets and DaemonSets: how many, and how many have fewer ready/available pods than desired. */
export interface TWorkloadCounts {
  statefulSets: { total: number; unavailable: number };
  daemonSets: { total: number; unavailable: number };
}

/** Compact health of one cluster as the collector computes it. */
export interface TClusterHealth {
  nodes: { ready: number; total: number };
  pods: { total: number; running: number; pending: number; succeeded: number; failed: number; unknown: number; failing: number; crashLooping: number };
  deployments: { total: number; unavailable: number };
  /** Reported by agents that push health (protocol 4); absent when collected by the console. */
  workloads?: TWorkloadCounts;
  /** Warning events observed in the 15 minutes before the collection time. */
  warningEvents: number;
  kubernetesVersion: string | null;
  edgex: TEdgexSummary | null;
  details: THealthDetails;
}

/** Latest snapshot of a cluster as the API returns it. */
export interface TFleetSnapshot {
  collectedAt: string;
  changedAt: string;
  /** Collected within the last passes; false = last-known numbers of an unreachable cluster. */
  fresh: boolean;
  nodesReady: number;
  nodesTotal: number;
  podsTotal: number;
  podsRunning: number;
  podsPending: number;
  podsSucceeded: number;
  podsFailed: number;
  podsUnknown: number;
  podsFailing: number;
  podsCrashLooping: number;
  deploymentsTotal: number;
  deploymentsUnavailable: number;
  /** Null when the cluster's agent does not report them (older than protocol 4). */
  statefulSetsTotal: number | null;
  statefulSetsUnavailable: number | null;
  daemonSetsTotal: number | null;
  daemonSetsUnavailable: number | null;
  warningEvents: number;
  kubernetesVersion: string | null;
  edgex: TEdgexSummary | null;
  /** Why the numbers could not be refreshed (null while fresh). */
  error: string | null;
}

/** One cluster of the fleet with its last-known snapshot (rows of /fleet/clusters and the stream). */
export interface TFleetCluster {
  id: string;
  name: string;
  displayName: string;
  region: string | null;
  site: string | null;
  labels: Record<string, string>;
  state: TClusterState;
  stateReason: string | null;
  stateSince: string;
  lastSeenAt: string | null;
  /** The cluster's version as the agent reports it, else the snapshot's. */
  kubernetesVersion: string | null;
  snapshot: TFleetSnapshot | null;
  /** Open alerts of the cluster, and how many of them nobody acknowledged. */
  alertsOpen: number;
  alertsUnacked: number;
  /** Active → Unavailable transitions in the last hour. */
  flapsPerHour: number;
}

/** Fleet-wide totals (GET /fleet/summary and every stream tick). */
export interface TFleetSummary {
  clusters: { total: number; pending: number; active: number; unavailable: number; stale: number };
  nodes: { ready: number; total: number };
  pods: { total: number; failing: number; crashLooping: number };
  edgex: { clusters: number; servicesUp: number; servicesTotal: number; servicesDown: number };
  alerts: { open: number; unacked: number };
  /** Collection time of the newest snapshot (the last completed pass), or null. */
  freshAt: string | null;
  /** When the numbers were read from the database. */
  at: string;
}
