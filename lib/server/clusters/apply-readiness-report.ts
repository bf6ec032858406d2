import "server-only";
import { z } from "zod";
import type { ClusterRuntime } from "./cluster-runtime-state";

const ZReadinessReportSchema = z.object({
  type: z.literal("readiness"),
  ready: z.boolean(),
  reason: z.string().max(300).optional(),
});

/**
 * Takes a CONTROL `readiness` message of a readiness-pushing agent into the cluster's runtime
 * state. Returns true when the verdict changed (the caller asks the state monitor for a
 * check); malformed messages are ignored.
 */
export function applyReadinessReport(runtime: ClusterRuntime, message: Record<string, unknown>): boolean {
  const parsed = ZReadinessReportSchema.safeParse(message);
  if (!parsed.success) return false;
  const next = { ready: parsed.data.ready, ...(parsed.data.ready || !parsed.data.reason ? {} : { reason: parsed.data.reason }) };
  const before = runtime.reportedReady;
  runtime.reportedReady = next;
  return before?.ready !== next.ready || before?.reason !== next.reason;
}
