import type { ReadinessMessage } from "@/lib/tunnel";
import type { KubeTarget } from "./load-kube-target";
import { errorMessage } from "./logger";
import { requestKube } from "./request-kube";

/** How often the agent asks its apiserver's `/readyz`, and how long one answer may take. */
export interface ReadinessTimings {
  readinessIntervalMs: number;
  readinessTimeoutMs: number;
}

/** One `/readyz` verdict: ready, or not with the apiserver's last line (or the error). */
export async function checkReadiness(target: KubeTarget, timeoutMs: number): Promise<ReadinessMessage> {
  try {
    const { status, text } = await requestKube(target, "GET", "/readyz", undefined, timeoutMs);
    if (status === 200) return { type: "readiness", ready: true };
    const last = text.trim().split("\n").pop()?.slice(0, 200) ?? "";
    return { type: "readiness", ready: false, reason: `readyz answered ${status}${last ? `: ${last}` : ""}` };
  } catch (error) {
    return { type: "readiness", ready: false, reason: `readyz failed: ${errorMessage(error).slice(0, 200)}` };
  }
}

/**
 * Checks `/readyz` locally every `readinessIntervalMs` for as long as one tunnel session
 * lives and calls `send` with the first verdict and then only with changes (ready flag or
 * reason) — the console derives Active/Unavailable from these instead of probing through the
 * tunnel. Returns a stop function. Checks never overlap: a hung apiserver delays the next one
 * by at most `readinessTimeoutMs`.
 */
export function watchReadiness(target: KubeTarget, timings: ReadinessTimings, send: (message: ReadinessMessage) => void): () => void {
  let stopped = false;
  let last: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    const verdict = await checkReadiness(target, timings.readinessTimeoutMs);
    if (stopped) return;
    const key = `${verdict.ready}|${verdict.reason ?? ""}`;
    if (key !== last) {
      last = key;
      send(verdict);
    }
    timer = setTimeout(() => void tick(), timings.readinessIntervalMs);
  };
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
