import "server-only";
import { z } from "zod";

const seconds = (def: number, min: number, max: number) => z.coerce.number({ message: "must be a number" }).min(min).max(max).default(def);

/** Environment of the fleet collector and stream hub (validated; a bad value names the variable). */
const ZFleetEnvSchema = z.object({
  /** Seconds between health passes (and between reads of the stream hub). */
  OUTPOST_HEALTH_INTERVAL_SECONDS: seconds(15, 1, 3600),
  /** `watch` keeps list+watch caches per cluster (default); `poll` relists every pass. */
  OUTPOST_HEALTH_MODE: z.enum(["watch", "poll"]).default("watch"),
  /** Clusters worked on at once (initial lists, polls, EdgeX summaries). */
  OUTPOST_HEALTH_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /** Timeout of every call to a cluster. */
  OUTPOST_HEALTH_TIMEOUT_SECONDS: seconds(10, 1, 120),
  /** A history point at least this often per cluster even when nothing changed. */
  OUTPOST_HISTORY_EVERY_SECONDS: seconds(300, 10, 86_400),
  OUTPOST_SNAPSHOT_RETENTION_DAYS: seconds(7, 1, 3650),
  /**
   * Seconds between reads of the stream hub. Shorter than the health interval because
   * cluster states (written by the state monitor every 5 s) should reach the wall quickly;
   * the read is shared by every dashboard, so its cost does not grow with viewers.
   */
  OUTPOST_FLEET_PUSH_SECONDS: seconds(5, 0.2, 3600),
});

export interface FleetConfig {
  intervalMs: number;
  mode: "watch" | "poll";
  concurrency: number;
  timeoutMs: number;
  historyEveryMs: number;
  retentionMs: number;
  pushIntervalMs: number;
}

/** Reads the fleet settings from `env` (process.env by default). Throws naming a bad variable. */
export function loadFleetConfig(env: NodeJS.ProcessEnv = process.env): FleetConfig {
  const parsed = ZFleetEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid ${String(issue?.path[0])}: ${issue?.message}`);
  }
  const e = parsed.data;
  return {
    intervalMs: e.OUTPOST_HEALTH_INTERVAL_SECONDS * 1000,
    mode: e.OUTPOST_HEALTH_MODE,
    concurrency: e.OUTPOST_HEALTH_CONCURRENCY,
    timeoutMs: e.OUTPOST_HEALTH_TIMEOUT_SECONDS * 1000,
    historyEveryMs: e.OUTPOST_HISTORY_EVERY_SECONDS * 1000,
    retentionMs: e.OUTPOST_SNAPSHOT_RETENTION_DAYS * 86_400_000,
    pushIntervalMs: e.OUTPOST_FLEET_PUSH_SECONDS * 1000,
  };
}
