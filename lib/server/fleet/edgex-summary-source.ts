import "server-only";
import type { TEdgexSummary } from "@/lib/shared/fleet/fleet.schema";

/** An EdgeX device for the fleet search index (optional part of a source's answer). */
export interface EdgexDeviceEntry {
  name: string;
  labels?: string[];
  /** e.g. "UP"/"DOWN" (operating state) — shown in search results. */
  status?: string;
}

/** What an EdgeX summary source returns: the snapshot summary, plus optional details. */
export type EdgexSummaryResult = TEdgexSummary & {
  /** Names of services that are down (for the alert text). */
  servicesDown?: string[];
  /** Devices to index for the cross-cluster search. */
  devices?: EdgexDeviceEntry[];
};

/**
 * Reads one cluster's EdgeX summary (through lib/server/k8s); null when the cluster runs no
 * EdgeX. Called by the collector once per pass per Active cluster, with a timeout.
 */
export type EdgexSummarySource = (clusterId: string) => Promise<EdgexSummaryResult | null>;

// Process-wide (server.ts and Next's bundles load separate module copies).
const KEY = Symbol.for("outpost.fleet.edgex-summary-source");
type Holder = { [KEY]?: EdgexSummarySource };

/**
 * Installs the EdgeX summary source (the EdgeX views, issue 6, register theirs at start).
 * Until one is registered every cluster's `edgex` is null and the UI shows "—".
 */
export function registerEdgexSummarySource(fn: EdgexSummarySource | undefined): void {
  (globalThis as Holder)[KEY] = fn;
}

/** The registered source, or one that always answers null. */
export function getEdgexSummarySource(): EdgexSummarySource {
  return (globalThis as Holder)[KEY] ?? (async () => null);
}
