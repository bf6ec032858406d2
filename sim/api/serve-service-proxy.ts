import type { IncomingMessage, ServerResponse } from "node:http";
import type { ClusterState } from "../cluster/cluster-state";
import type { SimHttpRequest } from "../edgex-contract";
import { isRecord } from "../store/kube-types";
import type { ResourcePath } from "./parse-resource-path";
import { ApiError, notFound } from "./status";

/** Splits `name`, `name:port` or `scheme:name:port` (port may be a name or number). */
export function parseServiceRef(ref: string): { name: string; port?: string } {
  const parts = ref.split(":");
  if (parts.length === 3) return { name: parts[1] ?? "", port: parts[2] || undefined };
  return { name: parts[0] ?? "", port: parts[1] || undefined };
}

/**
 * /api/v1/namespaces/{ns}/services/{name[:port]}/proxy/{path}: dispatches to the in-process
 * SimService registered for that service and port; 503 "no endpoints available" like the
 * apiserver when the Service exists without a handler.
 */
export async function serveServiceProxy(cluster: ClusterState, p: ResourcePath, req: IncomingMessage, res: ServerResponse, q: URLSearchParams, body: Buffer, rawPath: string): Promise<void> {
  const ref = parseServiceRef(p.name ?? "");
  const svc = cluster.store.get("/services", p.namespace, ref.name);
  if (!svc) throw notFound("services", "", ref.name);
  const ports = (isRecord(svc.spec) && Array.isArray(svc.spec.ports) ? svc.spec.ports : []).filter(isRecord);
  const port = ref.port === undefined ? ports[0] : ports.find((x) => String(x.port) === ref.port || x.name === ref.port);
  if (!port) throw new ApiError(503, `no endpoints available for service "${ref.name}"`, "ServiceUnavailable");
  const handler = cluster.services.get(`${p.namespace}/${ref.name}:${String(port.port)}`) ?? cluster.services.get(`${p.namespace}/${ref.name}`);
  if (!handler) throw new ApiError(503, `no endpoints available for service "${ref.name}"`, "ServiceUnavailable");
  const idx = rawPath.indexOf("/proxy");
  const sub = idx >= 0 ? rawPath.slice(idx + "/proxy".length) : "/";
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === "string" && k !== "authorization" && !k.startsWith("impersonate-")) headers[k] = v;
  }
  const simReq: SimHttpRequest = { method: req.method ?? "GET", path: sub || "/", query: q, headers, body };
  let answer;
  try {
    answer = await handler.handle(simReq);
  } catch (error) {
    // The apiserver's answer when the proxied endpoint refuses or drops the connection.
    throw new ApiError(503, `error trying to reach service: ${(error as Error).message}`, "ServiceUnavailable");
  }
  if (res.destroyed) return;
  const out = typeof answer.body === "string" ? Buffer.from(answer.body) : answer.body;
  const outHeaders: Record<string, string | number> = { ...answer.headers };
  if (!Object.keys(outHeaders).some((k) => k.toLowerCase() === "content-type")) outHeaders["Content-Type"] = "application/json";
  res.writeHead(answer.status, { ...outHeaders, "Content-Length": out.length });
  res.end(out);
}
