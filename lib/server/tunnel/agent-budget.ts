import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { log } from "../log/logger";
import { closeTunnel } from "./tunnel-registry";

/** Budget violations (oversized bodies, control floods) an agent may commit per window. */
export const MAX_VIOLATIONS = 5;
export const VIOLATION_WINDOW_MS = 60_000;

// Process-wide, per cluster: timestamps of recent violations.
const KEY = Symbol.for("outpost.agent-violations");
function violations(): Map<string, number[]> {
  const holder = globalThis as { [KEY]?: Map<string, number[]> };
  return (holder[KEY] ??= new Map());
}

/**
 * Records that a cluster's agent exceeded its budget (`what`: an answer over the size
 * limit, a control-message flood). The offending stream or message was already refused;
 * an agent that keeps doing it — more than {@link MAX_VIOLATIONS} times within a minute —
 * is disconnected (audited), so it harms only its own cluster. Returns true when it was.
 */
export function reportAgentViolation(clusterId: string, what: string, now = Date.now()): boolean {
  const recent = (violations().get(clusterId) ?? []).filter((t) => now - t < VIOLATION_WINDOW_MS);
  recent.push(now);
  violations().set(clusterId, recent);
  log.warn(`agent of cluster ${clusterId} exceeded its budget: ${what}`);
  if (recent.length <= MAX_VIOLATIONS) return false;
  violations().delete(clusterId);
  closeTunnel(clusterId, "agent exceeded its budget");
  log.warn(`agent of cluster ${clusterId} disconnected: ${recent.length} budget violations within ${VIOLATION_WINDOW_MS / 1000} s`);
  recordAuditEvent({
    actor: { id: null, name: "agent" },
    action: "cluster.agent.disconnected",
    outcome: "failure",
    target: { type: "cluster", id: clusterId },
    details: { reason: "budget exceeded", last: what, violations: recent.length },
  }).catch((error: unknown) => log.error(`audit of an agent disconnect failed: ${error instanceof Error ? error.message : String(error)}`));
  return true;
}
