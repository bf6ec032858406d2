import type { IncomingMessage, ServerResponse } from "node:http";
import type { ClusterState, UserInfo } from "../cluster/cluster-state";
import { updateObject } from "../cluster/object-writes";
import { issueServiceAccountToken } from "../cluster/service-account-tokens";
import { servePodLog } from "../kubelet/serve-pod-log";
import type { KubeObject, Pod, Workload } from "../store/kube-types";
import { isRecord } from "../store/kube-types";
import { isoTime } from "../store/object-store";
import { selectorToString } from "../store/selectors";
import { handleGet } from "./handle-read";
import { applyPatch, handlePatch, handleUpdate } from "./handle-write";
import { parseJson, sendJson } from "./http-io";
import type { ResourcePath } from "./parse-resource-path";
import { serveServiceProxy } from "./serve-service-proxy";
import { checkWriteOptions, updateTracker, writeContext } from "../apply/write-options";
import { ApiError, notFound } from "./status";
import { evictPod } from "./evict-pod";

function toScale(obj: Workload): KubeObject {
  const st = (obj.status ?? {}) as { replicas?: number };
  return {
    kind: "Scale",
    apiVersion: "autoscaling/v1",
    metadata: { name: obj.metadata.name, namespace: obj.metadata.namespace, uid: obj.metadata.uid, resourceVersion: obj.metadata.resourceVersion, creationTimestamp: obj.metadata.creationTimestamp },
    spec: { replicas: obj.spec.replicas ?? 0 },
    status: { replicas: st.replicas ?? 0, selector: selectorToString(obj.spec.selector) },
  };
}

function handleScale(cluster: ClusterState, p: ResourcePath, req: IncomingMessage, res: ServerResponse, q: URLSearchParams, body: Buffer): void {
  const t = p.type;
  const cur = cluster.store.get(t.storage, p.namespace, p.name ?? "") as Workload | undefined;
  if (!cur) throw notFound(t.plural, t.group, p.name ?? "");
  if (req.method === "GET") return sendJson(res, 200, toScale(cur));
  const dryRun = checkWriteOptions(req.method === "PUT" ? "Update" : "Patch", q);
  const scale = req.method === "PATCH" ? applyPatch(req.headers["content-type"] ?? "", toScale(cur), body) : parseJson(body);
  const replicas = isRecord(scale) && isRecord(scale.spec) ? scale.spec.replicas : undefined;
  if (typeof replicas !== "number" || !Number.isInteger(replicas) || replicas < 0) {
    throw new ApiError(422, `Scale.autoscaling "${cur.metadata.name}" is invalid: spec.replicas: Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0`, "Invalid", { name: cur.metadata.name, group: "autoscaling", kind: "Scale", causes: [{ reason: "FieldValueInvalid", message: "must be greater than or equal to 0", field: "spec.replicas" }] });
  }
  const rv = isRecord(scale) && isRecord(scale.metadata) && typeof scale.metadata.resourceVersion === "string" ? scale.metadata.resourceVersion : undefined;
  const next = updateObject(cluster, t, { ...cur, metadata: { ...cur.metadata, resourceVersion: rv ?? cur.metadata.resourceVersion }, spec: { ...cur.spec, replicas } }, { dryRun, track: updateTracker(writeContext(cluster, p, req, q)) });
  sendJson(res, 200, toScale(next as Workload));
}

function handleToken(cluster: ClusterState, p: ResourcePath, res: ServerResponse, body: Buffer): void {
  const sa = cluster.store.get("/serviceaccounts", p.namespace, p.name ?? "");
  if (!sa) throw notFound("serviceaccounts", "", p.name ?? "");
  const reqObj = body.length ? parseJson(body) : {};
  const spec = isRecord(reqObj) && isRecord(reqObj.spec) ? reqObj.spec : {};
  const seconds = typeof spec.expirationSeconds === "number" ? spec.expirationSeconds : 3600;
  const token = issueServiceAccountToken(cluster, p.namespace ?? "default", p.name ?? "", seconds);
  sendJson(res, 201, {
    kind: "TokenRequest",
    apiVersion: "authentication.k8s.io/v1",
    metadata: { name: p.name, namespace: p.namespace, creationTimestamp: null },
    spec: { audiences: ["https://kubernetes.default.svc.cluster.local", "k3s"], expirationSeconds: seconds, boundObjectRef: null },
    status: { token, expirationTimestamp: isoTime(Date.now() + seconds * 1000) },
  });
}

function handleBinding(cluster: ClusterState, p: ResourcePath, res: ServerResponse, body: Buffer): void {
  const b = parseJson(body);
  const target = isRecord(b) && isRecord(b.target) ? b.target.name : undefined;
  const pod = cluster.store.get("/pods", p.namespace, p.name ?? "");
  if (!pod) throw notFound("pods", "", p.name ?? "");
  if (typeof target !== "string") throw new ApiError(400, "binding target required");
  const t = p.type;
  updateObject(cluster, t, { ...pod, spec: { ...(pod.spec as object), nodeName: target } });
  sendJson(res, 201, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 201 });
}

/** Subresources: status, scale, log, token, binding, eviction, proxy. */
export function handleSubresource(cluster: ClusterState, p: ResourcePath, req: IncomingMessage, res: ServerResponse, q: URLSearchParams, body: Buffer, rawPath: string, user: UserInfo): void | Promise<void> {
  const sub = p.subresource ?? "";
  if (!(p.type.subresources ?? []).includes(sub)) throw new ApiError(404, "the server could not find the requested resource", "NotFound");
  const m = req.method ?? "GET";
  switch (sub) {
    case "status":
      if (m === "GET") return handleGet(cluster, p, req, res, q);
      if (m === "PUT") return handleUpdate(cluster, p, req, res, q, body, user);
      if (m === "PATCH") return handlePatch(cluster, p, req, res, q, body, user);
      break;
    case "scale":
      if (m === "GET" || m === "PUT" || m === "PATCH") return handleScale(cluster, p, req, res, q, body);
      break;
    case "log":
      if (m === "GET") return servePodLog(cluster, p.namespace ?? "default", p.name ?? "", q, res);
      break;
    case "token":
      if (m === "POST") return handleToken(cluster, p, res, body);
      break;
    case "binding":
      if (m === "POST") return handleBinding(cluster, p, res, body);
      break;
    case "eviction": {
      if (m !== "POST") break;
      const pod = cluster.store.get("/pods", p.namespace, p.name ?? "");
      if (!pod) throw notFound("pods", "", p.name ?? "");
      // An eviction carries DeleteOptions: a dry run (kubectl drain --dry-run=server) removes nothing.
      const ev = body.length ? parseJson(body) : {};
      const evDryRun = isRecord(ev) && isRecord(ev.deleteOptions) && Array.isArray(ev.deleteOptions.dryRun) && ev.deleteOptions.dryRun.length > 0;
      evictPod(cluster, p.type, pod as Pod, checkWriteOptions("Create", q) || evDryRun);
      return sendJson(res, 201, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 201 });
    }
    case "exec":
    case "attach":
    case "portforward":
      // Served on the HTTP Upgrade path (sim/exec); a plain request gets the apiserver's answer.
      if (m === "GET" || m === "POST") throw new ApiError(400, "Upgrade request required");
      break;
    case "proxy":
      if (p.type.kind === "Service") return serveServiceProxy(cluster, p, req, res, q, body, rawPath);
      throw new ApiError(503, "node proxy is not simulated", "ServiceUnavailable");
    default:
      break;
  }
  throw new ApiError(405, `the server does not allow this method on the requested resource`, "MethodNotAllowed");
}
