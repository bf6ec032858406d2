import "server-only";
import { ZEdgexPingSchema } from "@/lib/shared/edgex/edgex-envelopes.schema";
import { EDGEX_CORE_SERVICES } from "@/lib/shared/bundles/touches-edgex";
import { callEdgex } from "@/lib/shared/edgex/call-edgex";
import { serviceFor } from "@/lib/shared/edgex/edgex-context";
import { openEdgexContext } from "../edgex/open-edgex-context";

/**
 * The EdgeX health gate of a bundle that deploys EdgeX: every core service (core-metadata,
 * core-data, core-command) is found in the cluster and answers `/api/v3/ping`, through the
 * same discovery and service proxy as the EdgeX pages (the console's identity: the fleet
 * identity has no `services/proxy`). Returns why not, or null when all answer.
 */
export async function edgexGateProblem(clusterId: string): Promise<string | null> {
  const opened = await openEdgexContext(clusterId);
  if (!opened.ctx) return `EdgeX: ${opened.error.message}`;
  const ctx = opened.ctx;
  const missing = EDGEX_CORE_SERVICES.filter((key) => !serviceFor(ctx, key));
  if (missing.length > 0) return `EdgeX: no ${missing.join(", ")} service found`;
  const pings = await Promise.all(EDGEX_CORE_SERVICES.map(async (key) => ({ key, result: await callEdgex(ctx.transport, serviceFor(ctx, key)!, { path: "/api/v3/ping", timeoutMs: ctx.timeoutMs }, ZEdgexPingSchema) })));
  const down = pings.filter((p) => !p.result.ok);
  if (down.length === 0) return null;
  return `EdgeX: ${down.map((p) => `${p.key} does not answer ping (${p.result.ok ? "" : p.result.failure.reason})`).join("; ")}`;
}
