import "server-only";
import type { TEdgexServiceConfig } from "@/lib/shared/edgex/edgex-detail.schema";
import { ZEdgexConfigSchema } from "@/lib/shared/edgex/edgex-envelopes.schema";
import { maskSecrets } from "@/lib/shared/edgex/mask-secrets";
import { notFound } from "../http/api-error";
import { callEdgex, clusterFailure } from "@/lib/shared/edgex/call-edgex";
import { openEdgexContext } from "./open-edgex-context";

/**
 * `GET …/edgex/services/{namespace}/{name}/config`: the service's `/api/v3/config` with
 * every secret masked (passwords, tokens, keys, credentials at any depth) before it leaves
 * the server. 404 when no such EdgeX service was discovered.
 */
export async function getEdgexServiceConfig(clusterId: string, namespace: string, name: string): Promise<TEdgexServiceConfig> {
  const opened = await openEdgexContext(clusterId);
  const base = { namespace, name, key: name.replace(/^edgex-/, "") };
  if (!opened.ctx) return { ...base, config: null, failure: clusterFailure(opened.error) };
  const ref = opened.ctx.services.find((s) => s.namespace === namespace && s.name === name);
  if (!ref) throw notFound("EdgeX service");
  if (ref.probe !== "v3") return { ...base, key: ref.key, config: null, failure: { reason: "unsupported", status: null, detail: `${name} has no EdgeX configuration endpoint` } };
  const res = await callEdgex(opened.ctx.transport, ref, { path: "/api/v3/config", timeoutMs: opened.ctx.timeoutMs }, ZEdgexConfigSchema);
  if (!res.ok) return { ...base, key: ref.key, config: null, failure: res.failure };
  return { ...base, key: ref.key, config: maskSecrets(res.data.config), failure: null };
}
