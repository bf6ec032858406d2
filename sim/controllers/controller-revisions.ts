import type { ClusterState } from "../cluster/cluster-state";
import { createObject, removeObject } from "../cluster/object-writes";
import type { KubeObject, Pod, Workload } from "../store/kube-types";
import { ownerRef, owned, templateHash, typeOf } from "./workload-pods";

const STORAGE = "apps/controllerrevisions";
/** Label the apps controllers put on a ControllerRevision: the template's hash. */
const HASH_LABEL = "controller.kubernetes.io/hash";

export interface CurrentRevision {
  /** The ControllerRevision's name, `<set>-<hash>`. */
  name: string;
  /** The template hash. */
  hash: string;
  revision: number;
}

/** `revision` of a ControllerRevision. */
export function revisionOf(o: KubeObject): number {
  return Number((o as { revision?: number }).revision ?? 0);
}

/**
 * The history of a StatefulSet or DaemonSet, as their controllers keep it: one
 * ControllerRevision per distinct pod template (`data` = the strategic-merge patch
 * `{spec: {template: {…, $patch: replace}}}` that `kubectl rollout undo` applies,
 * `revision` increasing). A template equal to an older revision's bumps that revision to
 * the newest instead of adding one; revisions beyond `revisionHistoryLimit` (default 10)
 * that no pod still runs are deleted.
 */
export function syncControllerRevision(cluster: ClusterState, set: Workload): CurrentRevision {
  const t = typeOf(cluster, "apps/v1", "ControllerRevision");
  const hash = templateHash(set.spec.template).slice(0, 10);
  const name = `${set.metadata.name}-${hash}`;
  const history = owned(cluster, STORAGE, set);
  const newest = Math.max(0, ...history.map(revisionOf));
  let cur = history.find((r) => r.metadata.name === name);
  if (!cur) {
    cur = createObject(cluster, t, {
      apiVersion: "apps/v1",
      kind: "ControllerRevision",
      metadata: { name, namespace: set.metadata.namespace, labels: { ...set.spec.template.metadata?.labels, [HASH_LABEL]: hash }, ownerReferences: [ownerRef(set)] } as unknown as KubeObject["metadata"],
      data: { spec: { template: { ...set.spec.template, $patch: "replace" } } },
      revision: newest + 1,
    } as KubeObject);
  } else if (revisionOf(cur) < newest) {
    cur = cluster.store.commit(STORAGE, "MODIFIED", { ...cur, revision: newest + 1 } as KubeObject);
  }
  const limit = Number((set.spec as { revisionHistoryLimit?: number }).revisionHistoryLimit ?? 10);
  const inUse = new Set(owned(cluster, "/pods", set).map((p) => (p as Pod).metadata.labels?.["controller-revision-hash"]));
  const old = owned(cluster, STORAGE, set)
    .filter((r) => r.metadata.name !== name && !inUse.has(r.metadata.name) && !inUse.has(r.metadata.labels?.[HASH_LABEL]))
    .sort((a, b) => revisionOf(a) - revisionOf(b));
  for (const r of old.slice(0, Math.max(0, old.length - limit))) removeObject(cluster, t, r);
  return { name, hash, revision: revisionOf(cur) };
}
