import type { TEdgexServiceStatus } from "./edgex-api.schema";
import { ZEdgexPingSchema, ZEdgexVersionSchema } from "./edgex-envelopes.schema";
import type { TEdgexServiceRef } from "./match-edgex-services";
import { classifyEdgexProblem } from "./classify-failure";
import { callEdgex } from "./call-edgex";
import type { EdgexContext } from "./edgex-context";

function base(ref: TEdgexServiceRef): Omit<TEdgexServiceStatus, "up" | "latencyMs" | "version" | "failure"> {
  return { key: ref.key, known: ref.known, title: ref.title, namespace: ref.namespace, name: ref.name, port: ref.port, probe: ref.probe };
}

/** A web UI (EdgeX UI, eKuiper's dashboard) is up when `/` answers 2xx; its body is not JSON. */
async function probeHttp(ctx: EdgexContext, ref: TEdgexServiceRef): Promise<TEdgexServiceStatus> {
  const answer = await ctx.transport(ref, { path: "/", timeoutMs: ctx.timeoutMs });
  if (!answer.ok) return { ...base(ref), up: false, latencyMs: null, version: null, failure: classifyEdgexProblem(answer.problem) };
  return { ...base(ref), up: true, latencyMs: answer.latencyMs, version: null, failure: null };
}

/**
 * Probes one EdgeX service: `/api/v3/ping` (up/down and latency) and `/api/v3/version`, in
 * parallel. The ping decides up/down; a version that cannot be read leaves `version` null
 * and, if the service is otherwise up, is reported as the service's failure (e.g. an older
 * release answering 404). Unknown services are listed, not probed.
 */
export async function probeEdgexService(ctx: EdgexContext, ref: TEdgexServiceRef): Promise<TEdgexServiceStatus> {
  if (ref.probe === "none") return { ...base(ref), up: null, latencyMs: null, version: null, failure: null };
  if (ref.probe === "http") return probeHttp(ctx, ref);
  const [ping, version] = await Promise.all([
    callEdgex(ctx.transport, ref, { path: "/api/v3/ping", timeoutMs: ctx.timeoutMs }, ZEdgexPingSchema),
    callEdgex(ctx.transport, ref, { path: "/api/v3/version", timeoutMs: ctx.timeoutMs }, ZEdgexVersionSchema),
  ]);
  if (!ping.ok) return { ...base(ref), up: false, latencyMs: null, version: version.ok ? version.data.version : null, failure: ping.failure };
  return {
    ...base(ref),
    up: true,
    latencyMs: ping.latencyMs,
    version: version.ok ? version.data.version : null,
    failure: version.ok ? null : version.failure,
  };
}
