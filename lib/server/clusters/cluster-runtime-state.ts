import "server-only";

/**
 * What the console knows about each cluster's connection between database writes:
 * readiness probes and tunnel comings and goings. Process-wide (globalThis) because the
 * gateway and the monitor run in server.ts's module copy and routes read it from Next's.
 */
export interface ClusterRuntime {
  connected: boolean;
  /** When the tunnel went down (or the console started without it). */
  disconnectedAt?: number;
  disconnectReason?: string;
  lastReadyAt?: number;
  lastProbeError?: string;
  lastSeenWrittenAt?: number;
  /** The connected agent pushes readiness (protocol ≥ 2): no probe streams for it. */
  pushesReadiness?: boolean;
  /** The connected agent pushes health summaries (protocol ≥ 3): the collector keeps no watches of it. */
  pushesHealth?: boolean;
  /** Its summaries carry StatefulSets, DaemonSets, EdgeX and cache currency (protocol ≥ 4): the console reads no EdgeX of it. */
  pushesEdgex?: boolean;
  /** The agent's last readiness verdict on this connection; undefined until the first. */
  reportedReady?: { ready: boolean; reason?: string };
  /** The readiness verdict the monitor last acted on (ok, or the error), to react only to changes. */
  verdict?: string;
}

const KEY = Symbol.for("outpost.cluster-runtime");
type Holder = { [KEY]?: { startedAt: number; clusters: Map<string, ClusterRuntime> } };

function store() {
  return ((globalThis as Holder)[KEY] ??= { startedAt: Date.now(), clusters: new Map() });
}

export function clusterRuntime(clusterId: string): ClusterRuntime {
  const s = store();
  let runtime = s.clusters.get(clusterId);
  if (!runtime) {
    // Unknown since this process started: treat as down since start, so agents get the
    // same grace to reconnect after a console restart as after a dropped tunnel.
    runtime = { connected: false, disconnectedAt: s.startedAt, disconnectReason: "agent not connected since the console started" };
    s.clusters.set(clusterId, runtime);
  }
  return runtime;
}

export function forgetClusterRuntime(clusterId: string): void {
  store().clusters.delete(clusterId);
}
