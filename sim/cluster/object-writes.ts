import { randomBytes, randomUUID } from "node:crypto";
import { ApiError, alreadyExists, conflict, notFound } from "../api/status";
import type { KubeObject } from "../store/kube-types";
import { isoTime } from "../store/object-store";
import { apiVersionOf, type ResourceType } from "../store/resource-registry";
import { applyDefaults } from "./apply-defaults";
import type { ClusterState } from "./cluster-state";
import { validateObject } from "./validate-object";

const SPECLESS = new Set(["ConfigMap", "Secret", "ServiceAccount", "Event", "Endpoints", "Lease", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "Namespace", "Node"]);
const GRACEFUL = new Set(["Pod"]);

function suffix(): string {
  const alphabet = "bcdfghjklmnpqrstvwxz2456789";
  const b = randomBytes(5);
  return [...b].map((x) => alphabet[x % alphabet.length]).join("");
}

/** Creates an object after defaulting and validation; throws ApiError like the apiserver. */
export function createObject(cluster: ClusterState, t: ResourceType, input: KubeObject, opts: WriteOptions = {}): KubeObject {
  const meta = { ...input.metadata };
  if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${suffix()}`;
  if (t.namespaced) {
    const ns = meta.namespace || "default";
    meta.namespace = ns;
    const nsObj = cluster.store.get("/namespaces", undefined, ns);
    if (!nsObj) throw notFound("namespaces", "", ns);
    if (nsObj.metadata.deletionTimestamp) throw new ApiError(403, `${t.plural} "${meta.name}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`, "Forbidden");
  } else delete meta.namespace;
  meta.uid = randomUUID();
  meta.creationTimestamp = isoTime(cluster.now());
  delete meta.deletionTimestamp;
  meta.resourceVersion = "";
  if (!SPECLESS.has(t.kind)) meta.generation = 1;
  let obj: KubeObject = { ...input, apiVersion: apiVersionOf(t), kind: t.kind, metadata: meta };
  obj = applyDefaults(cluster, obj);
  validateObject(t, obj);
  if (cluster.store.get(t.storage, meta.namespace, meta.name)) throw alreadyExists(t.plural, t.group, meta.name);
  if (opts.track) obj = opts.track(undefined, obj);
  if (opts.dryRun) return obj;
  return cluster.store.commit(t.storage, "ADDED", obj);
}

/** dryRun: validate and answer, store nothing. track: records managedFields just before storing. */
export interface WriteOptions {
  dryRun?: boolean;
  track?: (before: KubeObject | undefined, after: KubeObject) => KubeObject;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Replaces an object (PUT or the result of a PATCH). A non-empty resourceVersion must match
 * (409 otherwise). `subresource === "status"` changes status only; the main resource keeps
 * the stored status for kinds that have a status subresource.
 */
export function updateObject(cluster: ClusterState, t: ResourceType, input: KubeObject, opts: WriteOptions & { subresource?: string } = {}): KubeObject {
  const ns = t.namespaced ? input.metadata.namespace : undefined;
  const cur = cluster.store.get(t.storage, ns, input.metadata.name);
  if (!cur) throw notFound(t.plural, t.group, input.metadata.name);
  if (input.metadata.resourceVersion && input.metadata.resourceVersion !== cur.metadata.resourceVersion) throw conflict(t.plural, t.group, cur.metadata.name);
  if (input.metadata.uid && input.metadata.uid !== cur.metadata.uid) throw conflict(t.plural, t.group, cur.metadata.name);
  let next: KubeObject;
  if (opts.subresource === "status") {
    next = { ...cur, status: input.status };
  } else {
    const meta = { ...input.metadata, uid: cur.metadata.uid, creationTimestamp: cur.metadata.creationTimestamp, namespace: cur.metadata.namespace, name: cur.metadata.name };
    if (cur.metadata.deletionTimestamp) meta.deletionTimestamp = cur.metadata.deletionTimestamp;
    // A writer that leaves managedFields out keeps the stored ones (as the apiserver does).
    const sentFields = (input.metadata as { managedFields?: unknown }).managedFields;
    const curFields = (cur.metadata as { managedFields?: unknown }).managedFields;
    if ((sentFields === undefined || sentFields === null) && curFields !== undefined) (meta as { managedFields?: unknown }).managedFields = curFields;
    if (!t.namespaced) delete meta.namespace;
    next = { ...input, apiVersion: apiVersionOf(t), kind: t.kind, metadata: meta };
    if (t.subresources?.includes("status") && "status" in cur) next.status = cur.status;
    if (cur.metadata.generation !== undefined) {
      const { metadata: _a, status: _b, ...curRest } = cur;
      const { metadata: _c, status: _d, ...nextRest } = next;
      meta.generation = sameJson(curRest, nextRest) ? cur.metadata.generation : cur.metadata.generation + 1;
    }
    validateObject(t, next);
  }
  if (sameJson({ ...next, metadata: { ...next.metadata, resourceVersion: "" } }, { ...cur, metadata: { ...cur.metadata, resourceVersion: "" } })) return cur;
  if (opts.track) next = opts.track(cur, next);
  if (opts.dryRun) return next;
  const stored = cluster.store.commit(t.storage, "MODIFIED", next);
  if (stored.metadata.deletionTimestamp && (stored.metadata.finalizers ?? []).length === 0 && !GRACEFUL.has(t.kind) && t.kind !== "Namespace") {
    return removeObject(cluster, t, stored);
  }
  return stored;
}

/** Writes a controller-computed status when it differs from the stored one. */
export function writeStatus(cluster: ClusterState, t: ResourceType, cur: KubeObject, status: unknown): KubeObject {
  if (sameJson(cur.status, status)) return cur;
  return cluster.store.commit(t.storage, "MODIFIED", { ...cur, status });
}

/** Final removal from storage, then background garbage collection of dependents. */
export function removeObject(cluster: ClusterState, t: ResourceType, obj: KubeObject): KubeObject {
  if (!cluster.store.get(t.storage, obj.metadata.namespace, obj.metadata.name)) return obj;
  const gone = cluster.store.commit(t.storage, "DELETED", obj);
  const uid = obj.metadata.uid;
  cluster.enqueue(`gc/${uid}`, () => collectDependents(cluster, uid, obj.metadata.namespace));
  return gone;
}

function collectDependents(cluster: ClusterState, ownerUid: string, ns: string | undefined): void {
  for (const t of cluster.registry.all()) {
    if (t.group === "events.k8s.io" || (ns && !t.namespaced)) continue;
    for (const o of cluster.store.list(t.storage, ns)) {
      if (o.metadata.ownerReferences?.some((r) => r.uid === ownerUid)) deleteObject(cluster, t, o);
    }
  }
}

/**
 * DELETE semantics: pods on a node go Terminating (the kubelet finishes them), objects with
 * finalizers get a deletionTimestamp, namespaces drain their content first; the rest go now.
 */
export function deleteObject(cluster: ClusterState, t: ResourceType, obj: KubeObject, gracePeriodSeconds?: number): KubeObject {
  if (obj.metadata.deletionTimestamp) return obj;
  const spec = (obj.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
  const phase = (obj.status as { phase?: string } | undefined)?.phase;
  const graceful = GRACEFUL.has(t.kind) && spec.nodeName && gracePeriodSeconds !== 0 && phase !== "Succeeded" && phase !== "Failed";
  if (graceful || (obj.metadata.finalizers ?? []).length > 0 || t.kind === "Namespace") {
    const grace = gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30;
    const meta = { ...obj.metadata, deletionTimestamp: isoTime(cluster.now() + (graceful ? grace * 1000 : 0)) };
    if (graceful) meta.deletionGracePeriodSeconds = grace;
    let next: KubeObject = { ...obj, metadata: meta };
    if (t.kind === "Namespace") next = { ...next, status: { phase: "Terminating" } };
    return cluster.store.commit(t.storage, "MODIFIED", next);
  }
  return removeObject(cluster, t, obj);
}
