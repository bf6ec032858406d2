import "server-only";
import type { ClusterState } from "@/lib/generated/prisma/client";
import type { ClusterRuntime } from "./cluster-runtime-state";

/** A tunnel down this long makes a cluster Unavailable (a quick agent restart does not). */
export const DISCONNECT_GRACE_MS = 10_000;
/** Active needs a successful /readyz through the tunnel this recently. */
export const READY_FRESHNESS_MS = 15_000;

export interface DerivedState {
  state: ClusterState;
  reason: string | null;
}

/**
 * Cluster state from facts, never set by hand: Pending until an agent first connects;
 * Active while the tunnel is up and /readyz answered OK within 15 s; Unavailable when the
 * tunnel has been down for more than 10 s or readiness fails (with the reason).
 */
export function deriveClusterState(everConnected: boolean, runtime: ClusterRuntime, now: number, current: ClusterState): DerivedState {
  if (!everConnected && !runtime.connected) return { state: "pending", reason: null };
  if (runtime.connected) {
    if (runtime.lastProbeError) return { state: "unavailable", reason: runtime.lastProbeError };
    if (runtime.lastReadyAt !== undefined && now - runtime.lastReadyAt <= READY_FRESHNESS_MS) return { state: "active", reason: null };
    // Connected, first probe not answered yet: keep what we had.
    return { state: current, reason: current === "unavailable" ? "waiting for the cluster's readiness check" : null };
  }
  const downFor = now - (runtime.disconnectedAt ?? now);
  if (downFor <= DISCONNECT_GRACE_MS && current === "active") return { state: "active", reason: null };
  return { state: "unavailable", reason: runtime.disconnectReason ?? "agent disconnected" };
}
