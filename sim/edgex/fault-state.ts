import { z } from "zod";
import type { EdgexFaults, SimHttpResponse } from "./types";

// Runtime faults of one deployment. "down" refuses connections the way a dead pod does
// (the core turns the rejection into the apiserver's 503 "error trying to reach
// service"), "slow" delays the answer on a timer stop() can cancel, and "malformed"
// answers 200 with a truncated body.

export const ZEdgexFaultsSchema = z.object({
  down: z.array(z.string()).optional(),
  slow: z.record(z.string(), z.number().int().min(0).max(600_000)).optional(),
  malformed: z.array(z.string()).optional(),
});

export interface FaultState {
  down: Set<string>;
  slow: Map<string, number>;
  malformed: Set<string>;
}

/** An Error shaped like Node's socket errors, so callers can test `code`. */
export class SocketError extends Error {
  constructor(
    message: string,
    readonly code: "ECONNREFUSED" | "ECONNRESET",
  ) {
    super(message);
    this.name = "SocketError";
  }
}

/**
 * Validates a fault spec against the deployed service names. Unknown names are an
 * error rather than ignored, so a typo in a test or admin call cannot pass silently.
 */
export function parseFaults(input: EdgexFaults, known: readonly string[]): FaultState {
  const parsed = ZEdgexFaultsSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(`invalid EdgeX faults: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const f = parsed.data;
  const names = [...(f.down ?? []), ...Object.keys(f.slow ?? {}), ...(f.malformed ?? [])];
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    throw new Error(`unknown EdgeX service(s) ${unknown.join(", ")}; deployed: ${known.join(", ")}`);
  }
  return {
    down: new Set(f.down ?? []),
    slow: new Map(Object.entries(f.slow ?? {}).filter(([, ms]) => ms > 0)),
    malformed: new Set(f.malformed ?? []),
  };
}

/** A 200 whose body is cut short: never parseable JSON, like a crashed writer. */
export function corruptResponse(res: SimHttpResponse): SimHttpResponse {
  const text = typeof res.body === "string" ? res.body : res.body.toString("utf8");
  const trimmed = text.trim();
  const cut = trimmed.slice(0, Math.max(1, Math.floor(trimmed.length * 0.6)));
  let broken = cut;
  try {
    JSON.parse(cut);
    broken = `${cut},"`; // a complete JSON value survived the cut; make it invalid anyway
  } catch {
    // already invalid, which is the point
  }
  return { status: 200, headers: res.headers ?? { "content-type": "application/json" }, body: broken };
}
