import type { IncomingMessage, ServerResponse } from "node:http";
import type { ClusterState } from "../cluster/cluster-state";
import { protobufBodyToJson } from "../protobuf/request-body";
import type { AuditEntry } from "../types";
import { auditWhenFinished, authenticateAudited } from "./audited-request";
import { authorizeRequest } from "./authorize-request";
import { handleGet, handleList } from "./handle-read";
import { handleReview } from "./handle-review";
import { handleSubresource } from "./handle-subresource";
import { METRICS_GROUP, serveMetrics } from "../metrics/serve-metrics";
import { handleWatch } from "./handle-watch";
import { handleCreate, handleDelete, handleDeleteCollection, handlePatch, handleUpdate } from "./handle-write";
import { readBody, sendError, sendJson, sendStatus, wantsAggregatedDiscovery } from "./http-io";
import { parseResourcePath } from "./parse-resource-path";
import { requestAttributes } from "./request-attributes";
import { aggregatedDiscovery, apiGroup, apiGroupList, apiResourceList, apiVersions } from "./serve-discovery";
import { openapiGroupVersion, openapiIndex, parseOpenapiPath } from "./serve-openapi";
import { ApiError, statusOf } from "./status";

function versionInfo(cluster: ClusterState): unknown {
  const m = cluster.version.match(/^v(\d+)\.(\d+)/);
  return { major: m?.[1] ?? "1", minor: m?.[2] ?? "31", gitVersion: cluster.version, gitCommit: "a5dbe3d1d4d8f1e6b2e7b3c4d5e6f708a9b0c1d2", gitTreeState: "clean", buildDate: "2024-12-12T01:31:23Z", goVersion: "go1.22.9", compiler: "gc", platform: "linux/amd64" };
}

function verbOf(method: string, hasName: boolean, watch: boolean): string {
  if (watch) return "watch";
  switch (method) {
    case "GET": return hasName ? "get" : "list";
    case "POST": return "create";
    case "PUT": return "update";
    case "PATCH": return "patch";
    case "DELETE": return hasName ? "delete" : "deletecollection";
    default: return method.toLowerCase();
  }
}

/** Serves one authenticated API request of a cluster; errors become Status objects. */
export async function handleRequest(cluster: ClusterState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "https://sim.local");
  const pathname = url.pathname.replace(/\/+$/, "") || "/";
  const q = url.searchParams;
  const method = req.method ?? "GET";
  const entry: AuditEntry = { time: new Date().toISOString(), user: "", groups: [], verb: method.toLowerCase(), method, requestURI: req.url ?? "/", code: 0 };
  auditWhenFinished(cluster, res, entry);
  try {
    const id = authenticateAudited(cluster, req, entry);
    const attrs = requestAttributes(method, url.pathname, q);
    if (attrs.resourceRequest) Object.assign(entry, { verb: attrs.verb, resource: attrs.resource, subresource: attrs.subresource || undefined, namespace: attrs.namespace || undefined, name: attrs.name || undefined });
    authorizeRequest(cluster, id.effective, attrs);
    const body = method === "GET" || method === "HEAD" ? Buffer.alloc(0) : protobufBodyToJson(req, await readBody(req));
    if (method === "GET") {
      if (pathname === "/version") return sendJson(res, 200, versionInfo(cluster));
      if (pathname === "/healthz" || pathname === "/readyz" || pathname === "/livez" || /^\/(healthz|readyz|livez)\/[a-z0-9-/]+$/.test(pathname)) {
        res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" });
        return void res.end("ok");
      }
      const agg = wantsAggregatedDiscovery(req);
      if (pathname === "/api") return agg ? sendJson(res, 200, aggregatedDiscovery(cluster.registry, true, agg), `application/json;g=apidiscovery.k8s.io;v=${agg};as=APIGroupDiscoveryList`) : sendJson(res, 200, apiVersions(`127.0.0.1:${cluster.port}`));
      if (pathname === "/apis") return agg ? sendJson(res, 200, aggregatedDiscovery(cluster.registry, false, agg), `application/json;g=apidiscovery.k8s.io;v=${agg};as=APIGroupDiscoveryList`) : sendJson(res, 200, apiGroupList(cluster.registry));
      if (pathname === "/openapi/v3") return sendJson(res, 200, openapiIndex(cluster.registry, cluster.version));
      const oa = parseOpenapiPath(pathname);
      if (oa) {
        const doc = openapiGroupVersion(cluster.registry, cluster.version, oa.group, oa.version);
        if (!doc) throw new ApiError(404, "the server could not find the requested resource", "NotFound");
        return sendJson(res, 200, doc);
      }
      if (pathname === "/openapi/v2") throw new ApiError(404, "the server could not find the requested resource", "NotFound");
      const gv = pathname.match(/^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/);
      if (gv) {
        const list = apiResourceList(cluster.registry, gv[2] ?? "", gv[1] ?? gv[3] ?? "");
        if (!list) throw new ApiError(404, "the server could not find the requested resource", "NotFound");
        return sendJson(res, 200, list);
      }
      const g = pathname.match(/^\/apis\/([^/]+)$/);
      if (g) {
        const grp = apiGroup(cluster.registry, g[1] ?? "");
        if (!grp) throw new ApiError(404, "the server could not find the requested resource", "NotFound");
        return sendJson(res, 200, grp);
      }
    }
    const parsed = parseResourcePath(pathname, cluster.registry);
    if (parsed.kind === "none") throw new ApiError(404, "the server could not find the requested resource", "NotFound");
    if (parsed.kind === "unknown-resource") throw new ApiError(404, "the server could not find the requested resource", "NotFound", { kind: parsed.resource || undefined, group: parsed.group || undefined });
    const p = parsed.path;
    const watch = p.watchPrefix || q.get("watch") === "true" || q.get("watch") === "1";
    entry.verb = verbOf(method, p.name !== undefined, watch);
    entry.resource = p.type.plural;
    entry.subresource = p.subresource;
    entry.namespace = p.namespace;
    entry.name = p.name;
    if (p.type.verbs?.includes("create") && p.type.verbs.length === 1) return handleReview(cluster, p, id, res, body);
    if (p.type.group === METRICS_GROUP) return serveMetrics(cluster, p, req, res, q, watch);
    if (p.subresource) return await handleSubresource(cluster, p, req, res, q, body, url.pathname, id.effective);
    if (p.type.namespaced && p.name !== undefined && !p.namespace) throw new ApiError(404, "the server could not find the requested resource", "NotFound");
    switch (method) {
      case "GET":
        if (watch) return handleWatch(cluster, p, req, res, q);
        return p.name !== undefined ? handleGet(cluster, p, req, res, q) : handleList(cluster, p, req, res, q);
      case "POST":
        if (p.name !== undefined) throw new ApiError(405, "the server does not allow this method on the requested resource", "MethodNotAllowed");
        return handleCreate(cluster, p, req, res, q, body, id.effective);
      case "PUT":
        if (p.name === undefined) throw new ApiError(405, "the server does not allow this method on the requested resource", "MethodNotAllowed");
        return handleUpdate(cluster, p, req, res, q, body, id.effective);
      case "PATCH":
        if (p.name === undefined) throw new ApiError(405, "the server does not allow this method on the requested resource", "MethodNotAllowed");
        return handlePatch(cluster, p, req, res, q, body, id.effective);
      case "DELETE":
        return p.name !== undefined ? handleDelete(cluster, p, res, q, body) : handleDeleteCollection(cluster, p, res, q, body);
      default:
        return sendStatus(res, statusOf(405, "the server does not allow this method on the requested resource", "MethodNotAllowed"));
    }
  } catch (err) {
    sendError(res, err, cluster.name);
  }
}
