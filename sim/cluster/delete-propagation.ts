import { invalid } from "../api/status";
import type { KubeObject } from "../store/kube-types";
import { isoTime } from "../store/object-store";
import type { ResourceType } from "../store/resource-registry";
import type { ClusterState } from "./cluster-state";
import { deleteObject, removeObject } from "./object-writes";

export type PropagationPolicy = "Orphan" | "Background" | "Foreground";
const POLICIES: readonly string[] = ["Foreground", "Background", "Orphan"];

/** DeleteOptions.propagationPolicy as kube-apiserver validates it (422 for anything else). */
export function parsePropagationPolicy(value: unknown): PropagationPolicy | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "string" && POLICIES.includes(value)) return value as PropagationPolicy;
  throw invalid("DeleteOptions", "meta.k8s.io", "", [{ field: "propagationPolicy", reason: "FieldValueNotSupported", message: `Unsupported value: ${JSON.stringify(value)}: supported values: "Foreground", "Background", "Orphan", "nil"` }]);
}

function dependentsOf(cluster: ClusterState, uid: string, ns: string | undefined): Array<[ResourceType, KubeObject]> {
  const out: Array<[ResourceType, KubeObject]> = [];
  for (const t of cluster.registry.all()) {
    if (t.group === "events.k8s.io" || (ns && !t.namespaced)) continue;
    for (const o of cluster.store.list(t.storage, ns)) if (o.metadata.ownerReferences?.some((r) => r.uid === uid)) out.push([t, o]);
  }
  return out;
}

/**
 * DELETE with a propagation policy, as kube-apiserver and the garbage collector do it.
 * Background (the default) removes the object now and its dependents after. Orphan and
 * Foreground first mark the object (deletionTimestamp + the `orphan` / `foregroundDeletion`
 * finalizer, which the answer shows); the collector then strips the owner reference from
 * every dependent (Orphan) or deletes the dependents and waits until they are gone
 * (Foreground), and finally removes the finalizer and the object.
 */
export function deleteWithPolicy(cluster: ClusterState, t: ResourceType, obj: KubeObject, grace: number | undefined, policy: PropagationPolicy | undefined): KubeObject {
  if (!policy || policy === "Background" || obj.metadata.deletionTimestamp) return deleteObject(cluster, t, obj, grace);
  const finalizer = policy === "Orphan" ? "orphan" : "foregroundDeletion";
  const marked = cluster.store.commit(t.storage, "MODIFIED", { ...obj, metadata: { ...obj.metadata, deletionTimestamp: isoTime(cluster.now()), deletionGracePeriodSeconds: 0, finalizers: [...(obj.metadata.finalizers ?? []), finalizer] } });
  cluster.enqueue(`gc/${obj.metadata.uid}`, () => collect(cluster, t, marked, finalizer));
  return marked;
}

function collect(cluster: ClusterState, t: ResourceType, owner: KubeObject, finalizer: string): void {
  const cur = cluster.store.get(t.storage, owner.metadata.namespace, owner.metadata.name);
  if (!cur || cur.metadata.uid !== owner.metadata.uid) return;
  const uid = owner.metadata.uid;
  const dependents = dependentsOf(cluster, uid, owner.metadata.namespace);
  if (finalizer === "orphan") {
    for (const [dt, d] of dependents) {
      const refs = (d.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      const { ownerReferences: _drop, ...meta } = d.metadata;
      cluster.store.commit(dt.storage, "MODIFIED", { ...d, metadata: refs.length > 0 ? { ...meta, ownerReferences: refs } : meta } as KubeObject);
    }
  } else if (dependents.length > 0) {
    for (const [dt, d] of dependents) deleteObject(cluster, dt, d);
    cluster.rt.timers.after(200, () => cluster.enqueue(`gc/${uid}`, () => collect(cluster, t, owner, finalizer)));
    return;
  }
  const finalizers = (cur.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  if (finalizers.length > 0) cluster.store.commit(t.storage, "MODIFIED", { ...cur, metadata: { ...cur.metadata, finalizers } });
  else removeObject(cluster, t, { ...cur, metadata: { ...cur.metadata, finalizers: [] } });
}
