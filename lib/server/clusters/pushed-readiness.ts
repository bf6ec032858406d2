import "server-only";
import { getTunnel } from "../tunnel/tunnel-registry";
import type { ClusterRuntime } from "./cluster-runtime-state";

/**
 * An agent that pushes readiness pings every 5 s; silent this long (two pings missed, or one
 * held back by a partition of a few seconds) its last verdict no longer counts. With the 1 s
 * sweep of the state monitor a silent tunnel turns the cluster Unavailable within 10 s.
 */
export const PUSHED_READINESS_SILENCE_MS = 9_000;

/**
 * Brings `runtime.lastReadyAt` / `lastProbeError` up to date from what a readiness-pushing
 * agent reported (no stream is opened): ready and heard from recently → ready now; not
 * ready → its reason; silent → "agent silent". Returns the verdict key ("ok" or the error),
 * or undefined when the agent has not reported yet (the state is kept meanwhile).
 */
export function applyPushedReadiness(clusterId: string, runtime: ClusterRuntime, now: number): string | undefined {
  const reported = runtime.reportedReady;
  if (!reported) return undefined;
  const session = getTunnel(clusterId);
  const silentFor = session ? now - session.stats().lastSeenAt : Infinity;
  let error: string | undefined;
  if (silentFor >= PUSHED_READINESS_SILENCE_MS) error = `agent silent for ${Math.round(Math.min(silentFor, 99_000) / 1000)} s`;
  else if (!reported.ready) error = reported.reason ?? "readyz failed";
  if (error) runtime.lastProbeError = error;
  else {
    runtime.lastProbeError = undefined;
    runtime.lastReadyAt = now;
  }
  // Silence is one verdict however long it lasts, so the sweep does not re-check every second.
  return error === undefined ? "ok" : silentFor >= PUSHED_READINESS_SILENCE_MS ? "silent" : error;
}
