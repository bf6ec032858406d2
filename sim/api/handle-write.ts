import type { IncomingMessage, ServerResponse } from "node:http";
import YAML from "yaml";
import { applyDefaults } from "../cluster/apply-defaults";
import { deleteWithPolicy, parsePropagationPolicy, type PropagationPolicy } from "../cluster/delete-propagation";
import { createObject, deleteObject, updateObject } from "../cluster/object-writes";
import type { ClusterState, UserInfo } from "../cluster/cluster-state";
import { admitRbacWrite } from "../rbac/admit-rbac-write";
import { assertObjectShape } from "../cluster/validate-object";
import type { KubeObject } from "../store/kube-types";
import { isRecord } from "../store/kube-types";
import type { ResourceType } from "../store/resource-registry";
import { fromEventsV1 } from "./convert-event";
import { present, selectorsOf } from "./handle-read";
import { parseJson, sendJson } from "./http-io";
import type { ResourcePath } from "./parse-resource-path";
import { jsonPatch, mergePatch } from "./patch/json-patches";
import { strategicMerge } from "./patch/strategic-merge";
import { ApiError, notFound, statusOf } from "./status";
import { APPLY_PATCH, applyConfiguration, checkWriteOptions, parseApplyBody, updateTracker, writeContext } from "../apply/write-options";

/** Decodes a JSON or YAML request body into an object with the basic shape. */
export function decodeObject(req: IncomingMessage, body: Buffer): KubeObject {
  const ct = req.headers["content-type"] ?? "application/json";
  let v: unknown;
  if (/yaml/.test(ct)) {
    try {
      v = YAML.parse(body.toString("utf8"));
    } catch (e) {
      throw new ApiError(400, `error decoding YAML: ${(e as Error).message.slice(0, 200)}`);
    }
  } else v = parseJson(body);
  assertObjectShape(v);
  return { ...v, metadata: { ...(v.metadata ?? {}) } } as KubeObject;
}

function checkTarget(t: ResourceType, p: ResourcePath, obj: KubeObject): KubeObject {
  const stored = t.group === "events.k8s.io" ? fromEventsV1(obj) : obj;
  if (obj.kind !== undefined && obj.kind !== t.kind) throw new ApiError(400, `the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${t.group ? t.group + "/" : ""}${t.version})`);
  if (t.namespaced && p.namespace) {
    if (obj.metadata.namespace && obj.metadata.namespace !== p.namespace) throw new ApiError(400, "the namespace of the provided object does not match the namespace sent on the request");
    stored.metadata = { ...stored.metadata, namespace: p.namespace };
  }
  return stored;
}

/** Kinds whose create-time defaults are safe to apply again after a server-side apply. */
const REDEFAULTED = new Set(["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"]);

const storedType = (cluster: ClusterState, t: ResourceType): ResourceType => (t.group === "events.k8s.io" ? (cluster.registry.lookup("", "v1", "events") ?? t) : t);

/** POST a new object (by `user`, whom RBAC objects are admitted for). */
export function handleCreate(cluster: ClusterState, p: ResourcePath, req: IncomingMessage, res: ServerResponse, q: URLSearchParams, body: Buffer, user: UserInfo): void {
  const t = p.type;
  const dryRun = checkWriteOptions("Create", q);
  const obj = checkTarget(t, p, decodeObject(req, body));
  admitRbacWrite(cluster, user, t, p.namespace ?? "", obj, undefined);
  const created = createObject(cluster, storedType(cluster, t), obj, { dryRun, track: updateTracker(writeContext(cluster, p, req, q)) });
  sendJson(res, 201, present(t, created));
}

/** PUT (replace) an object or its status. */
export function handleUpdate(cluster: ClusterState, p: ResourcePath, req: IncomingMessage, res: ServerResponse, q: URLSearchParams, body: Buffer, user: UserInfo): void {
  const t = p.type;
  const dryRun = checkWriteOptions("Update", q);
  const track = updateTracker(writeContext(cluster, p, req, q));
  const obj = checkTarget(t, p, decodeObject(req, body));
  if (obj.metadata.name && obj.metadata.name !== p.name) throw new ApiError(400, `the name of the object (${obj.metadata.name}) does not match the name on the URL (${p.name ?? ""})`);
  obj.metadata.name = p.name ?? "";
  const cur = cluster.store.get(t.storage, p.namespace, p.name ?? "");
  if (!p.subresource) admitRbacWrite(cluster, user, t, p.namespace ?? "", obj, cur);
  if (!cur) {
    if (p.subresource) throw notFound(t.plural, t.group, p.name ?? "");
    return sendJson(res, 201, present(t, createObject(cluster, storedType(cluster, t), obj, { dryRun, track })));
  }
  sendJson(res, 200, present(t, updateObject(cluster, storedType(cluster, t), obj, { subresource: p.subresource, dryRun, track })));
}

/** Applies a patch document of the request's content type to an object. */
export function applyPatch(contentType: string, current: KubeObject, body: Buffer): unknown {
  const ct = contentType.split(";")[0]?.trim();
  if (ct === "application/apply-patch+yaml") {
    let v: unknown;
    try {
      v = YAML.parse(body.toString("utf8"));
    } catch (e) {
      throw new ApiError(400, `error decoding YAML: ${(e as Error).message.slice(0, 200)}`);
    }
    // Server-side apply modelled as a merge of the applied configuration (no field ownership).
    return mergePatch(current, v);
  }
  const patch = parseJson(body);
  if (ct === "application/json-patch+json") return jsonPatch(current, patch);
  if (!isRecord(patch)) throw new ApiError(400, "patch body must be a JSON object");
  if (ct === "application/merge-patch+json") return mergePatch(current, patch);
  if (ct === "application/strategic-merge-patch+json") return strategicMerge(current, patch);
  throw new ApiError(415, `the server does not support media type "${contentType}"`, "UnsupportedMediaType");
}

/** PATCH an object (or its status): merge, strategic-merge, JSON patch, apply-patch. */
export function handlePatch(cluster: ClusterState, p: ResourcePath, req: IncomingMessage, res: ServerResponse, q: URLSearchParams, body: Buffer, user: UserInfo): void {
  const t = p.type;
  const cur = cluster.store.get(t.storage, p.namespace, p.name ?? "");
  const ct = req.headers["content-type"] ?? "";
  const apply = ct.split(";")[0]?.trim() === APPLY_PATCH;
  const dryRun = checkWriteOptions("Patch", q, apply);
  const ctx = writeContext(cluster, p, req, q);
  if (apply) {
    // Server-side apply: merge by field ownership, 409 on conflicts unless force=true.
    if (!cur && p.subresource) throw notFound(t.plural, t.group, p.name ?? "");
    const config = checkTarget(t, p, parseApplyBody(body, p));
    const force = q.get("force") === "true";
    const obj = applyConfiguration(cur && present(t, cur), config, ctx, force);
    if (!p.subresource) admitRbacWrite(cluster, user, t, p.namespace ?? "", { ...obj, metadata: { ...obj.metadata, name: cur?.metadata.name ?? obj.metadata.name } }, cur);
    if (!cur) return sendJson(res, 201, present(t, createObject(cluster, storedType(cluster, t), obj, { dryRun })));
    obj.metadata.name = cur.metadata.name;
    // Fields the apply pruned get their defaults back, as the apiserver defaults every write.
    const defaulted = REDEFAULTED.has(t.kind) ? applyDefaults(cluster, obj) : obj;
    return sendJson(res, 200, present(t, updateObject(cluster, storedType(cluster, t), defaulted, { subresource: p.subresource, dryRun })));
  }
  if (!cur) throw notFound(t.plural, t.group, p.name ?? "");
  const patched = applyPatch(ct, present(t, cur), body);
  if (!isRecord(patched)) throw new ApiError(422, "patch produced a non-object", "Invalid");
  const obj = checkTarget(t, p, { ...patched, metadata: { ...(isRecord(patched.metadata) ? patched.metadata : {}) } } as KubeObject);
  // The patched object carries the stored resourceVersion unless the patch set one: only
  // then does the precondition (409) apply, as in the apiserver.
  obj.metadata.name = cur.metadata.name;
  if (!p.subresource) admitRbacWrite(cluster, user, t, p.namespace ?? "", obj, cur);
  sendJson(res, 200, present(t, updateObject(cluster, storedType(cluster, t), obj, { subresource: p.subresource, dryRun, track: updateTracker(ctx) })));
}

/** DeleteOptions from the query and the body (kubectl sends dryRun in the body). */
function deleteOptions(body: Buffer, q: URLSearchParams): { grace?: number; dryRun: boolean; policy?: PropagationPolicy } {
  let grace: number | undefined = q.has("gracePeriodSeconds") ? Number(q.get("gracePeriodSeconds")) : undefined;
  let policy: unknown = q.get("propagationPolicy") ?? undefined;
  if (q.get("orphanDependents") === "true") policy ??= "Orphan";
  const opts = new URLSearchParams(q);
  if (body.length > 0) {
    const v = parseJson(body);
    if (isRecord(v) && typeof v.gracePeriodSeconds === "number") grace = v.gracePeriodSeconds;
    if (isRecord(v) && Array.isArray(v.dryRun)) for (const d of v.dryRun) opts.append("dryRun", String(d));
    if (isRecord(v) && v.propagationPolicy !== undefined) policy = v.propagationPolicy;
    else if (isRecord(v) && v.orphanDependents === true) policy ??= "Orphan";
  }
  return { grace: grace !== undefined && Number.isFinite(grace) && grace >= 0 ? grace : undefined, dryRun: checkWriteOptions("Delete", opts), policy: parsePropagationPolicy(policy) };
}

/** DELETE one object; answers the Terminating object or a Success Status. */
export function handleDelete(cluster: ClusterState, p: ResourcePath, res: ServerResponse, q: URLSearchParams, body: Buffer): void {
  const t = p.type;
  const cur = cluster.store.get(t.storage, p.namespace, p.name ?? "");
  if (!cur) throw notFound(t.plural, t.group, p.name ?? "");
  const { grace, dryRun, policy } = deleteOptions(body, q);
  if (dryRun) return sendJson(res, 200, present(t, cur));
  const after = deleteWithPolicy(cluster, storedType(cluster, t), cur, grace, policy);
  if (after.metadata.deletionTimestamp && cluster.store.get(t.storage, p.namespace, p.name ?? "")) return sendJson(res, 200, present(t, after));
  sendJson(res, 200, { ...statusOf(200, "", "", { name: cur.metadata.name, group: t.group || undefined, kind: t.plural, uid: cur.metadata.uid }), status: "Success", message: undefined, reason: undefined });
}

/** DELETE a collection (with selectors). */
export function handleDeleteCollection(cluster: ClusterState, p: ResourcePath, res: ServerResponse, q: URLSearchParams, body: Buffer): void {
  const t = p.type;
  const match = selectorsOf(q, t);
  const { grace, dryRun } = deleteOptions(body, q);
  const items: KubeObject[] = [];
  for (const o of cluster.store.list(t.storage, t.namespaced ? p.namespace : undefined)) {
    if (!match(o)) continue;
    items.push(present(t, dryRun ? o : deleteObject(cluster, storedType(cluster, t), o, grace)));
  }
  sendJson(res, 200, { kind: `${t.kind}List`, apiVersion: t.group ? `${t.group}/${t.version}` : t.version, metadata: { resourceVersion: String(cluster.store.currentRv()) }, items });
}
