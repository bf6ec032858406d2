import { createHash } from "node:crypto";
import type { ClusterState } from "../cluster/cluster-state";
import { createObject, deleteObject, writeStatus } from "../cluster/object-writes";
import { recordEvent } from "../cluster/record-event";
import type { KubeObject, OwnerReference, Pod, PodTemplate, Workload } from "../store/kube-types";
import type { ResourceType } from "../store/resource-registry";

/** Resource types by kind, for controllers. */
export function typeOf(cluster: ClusterState, apiVersion: string, kind: string): ResourceType {
  const t = cluster.registry.byKind(apiVersion, kind);
  if (!t) throw new Error(`unknown kind ${apiVersion} ${kind}`);
  return t;
}

export function ownerRef(o: KubeObject): OwnerReference {
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid, controller: true, blockOwnerDeletion: true };
}

/** Objects in a namespace controlled by owner. */
export function owned(cluster: ClusterState, storage: string, owner: KubeObject): KubeObject[] {
  return cluster.store.list(storage, owner.metadata.namespace).filter((o) => o.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid && r.controller));
}

/** pod-template-hash as the deployment controller computes it (stable per template). */
export function templateHash(tpl: PodTemplate): string {
  const h = createHash("sha256").update(JSON.stringify(tpl)).digest();
  const alphabet = "bcdfghjklmnpqrstvwxz2456789";
  return [...h.subarray(0, 10)].map((b) => alphabet[b % alphabet.length]).join("");
}

export function isPodReady(p: KubeObject): boolean {
  const st = (p as Pod).status;
  return st?.phase === "Running" && (st.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
}

/** Creates one pod from a template, owned by owner. */
export function createPod(cluster: ClusterState, owner: Workload, name: string | undefined, extraLabels: Record<string, string>, nodeName?: string): Pod | undefined {
  const tpl = owner.spec.template;
  const meta = {
    ...(name ? { name } : { generateName: `${owner.metadata.name}-` }),
    namespace: owner.metadata.namespace,
    labels: { ...tpl.metadata?.labels, ...extraLabels },
    ...(tpl.metadata?.annotations ? { annotations: tpl.metadata.annotations } : {}),
    ownerReferences: [ownerRef(owner)],
  };
  try {
    const pod = createObject(cluster, typeOf(cluster, "v1", "Pod"), {
      apiVersion: "v1",
      kind: "Pod",
      metadata: meta as unknown as KubeObject["metadata"],
      spec: nodeName ? { ...tpl.spec, nodeName } : tpl.spec,
    }) as Pod;
    if (!cluster.bootstrapping) recordEvent(cluster, owner, "Normal", "SuccessfulCreate", `${owner.kind === "StatefulSet" ? "create Pod" : "Created pod:"} ${pod.metadata.name}${owner.kind === "StatefulSet" ? ` in StatefulSet ${owner.metadata.name} successful` : ""}`, `${owner.kind.toLowerCase()}-controller`);
    return pod;
  } catch (err) {
    recordEvent(cluster, owner, "Warning", "FailedCreate", `Error creating: ${(err as Error).message}`, `${owner.kind.toLowerCase()}-controller`);
    return undefined;
  }
}

function live(pods: KubeObject[]): KubeObject[] {
  return pods.filter((p) => !p.metadata.deletionTimestamp && !["Succeeded", "Failed"].includes((p as Pod).status?.phase ?? ""));
}

/** ReplicaSet controller: keep spec.replicas pods; status from pod readiness. */
export function reconcileReplicaSet(cluster: ClusterState, rs: Workload): void {
  const pods = live(owned(cluster, "/pods", rs));
  const want = rs.spec.replicas ?? 1;
  const podType = typeOf(cluster, "v1", "Pod");
  for (let i = pods.length; i < want; i++) createPod(cluster, rs, undefined, {});
  if (pods.length > want) {
    const victims = [...pods].sort((a, b) => Number(isPodReady(a)) - Number(isPodReady(b))).slice(0, pods.length - want);
    for (const v of victims) {
      deleteObject(cluster, podType, v);
      recordEvent(cluster, rs, "Normal", "SuccessfulDelete", `Deleted pod: ${v.metadata.name}`, "replicaset-controller");
    }
  }
  const now = live(owned(cluster, "/pods", rs));
  const ready = now.filter(isPodReady).length;
  const cur = cluster.store.get("apps/replicasets", rs.metadata.namespace, rs.metadata.name);
  if (!cur) return;
  writeStatus(cluster, typeOf(cluster, "apps/v1", "ReplicaSet"), cur, { replicas: now.length, fullyLabeledReplicas: now.length, readyReplicas: ready, availableReplicas: ready, observedGeneration: cur.metadata.generation });
}

/** `deployment.kubernetes.io/revision` of a ReplicaSet. */
function rsRevision(rs: KubeObject): number {
  return Number(rs.metadata.annotations?.["deployment.kubernetes.io/revision"] ?? 0) || 0;
}

/**
 * Deployment controller: one ReplicaSet per template hash; the newest gets all replicas.
 * Returning to an older template reuses its ReplicaSet with the next revision number; a
 * paused Deployment scales its newest ReplicaSet and starts no rollout.
 */
export function reconcileDeployment(cluster: ClusterState, d: Workload): void {
  const rsType = typeOf(cluster, "apps/v1", "ReplicaSet");
  const hash = templateHash(d.spec.template);
  const rsName = `${d.metadata.name}-${hash}`;
  const all = owned(cluster, "apps/replicasets", d) as Workload[];
  let current = all.find((r) => r.metadata.name === rsName);
  const want = d.spec.replicas ?? 1;
  // A paused Deployment only scales: a changed template waits for `rollout resume`.
  const paused = (d.spec as { paused?: boolean }).paused === true;
  if (!current && paused && all.length > 0) current = [...all].sort((a, b) => rsRevision(b) - rsRevision(a))[0];
  if (!current) {
    const tpl = { ...d.spec.template, metadata: { ...d.spec.template.metadata, labels: { ...d.spec.template.metadata?.labels, "pod-template-hash": hash } } };
    const revision = String(Math.max(0, ...all.map(rsRevision)) + 1);
    current = createObject(cluster, rsType, {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: { name: rsName, namespace: d.metadata.namespace, labels: { ...d.spec.template.metadata?.labels, "pod-template-hash": hash }, annotations: { "deployment.kubernetes.io/desired-replicas": String(want), "deployment.kubernetes.io/max-replicas": String(want + 1), "deployment.kubernetes.io/revision": revision }, ownerReferences: [ownerRef(d)] } as unknown as KubeObject["metadata"],
      spec: { replicas: want, selector: { ...d.spec.selector, matchLabels: { ...d.spec.selector?.matchLabels, "pod-template-hash": hash } }, template: tpl },
    }) as Workload;
    if (!cluster.bootstrapping) recordEvent(cluster, d, "Normal", "ScalingReplicaSet", `Scaled up replica set ${rsName} to ${want}`, "deployment-controller");
  } else if (!paused && rsRevision(current) < Math.max(...all.map(rsRevision))) {
    // Back to an older template (rollout undo): that ReplicaSet becomes the newest revision.
    current = cluster.store.commit("apps/replicasets", "MODIFIED", { ...current, metadata: { ...current.metadata, annotations: { ...current.metadata.annotations, "deployment.kubernetes.io/revision": String(Math.max(...all.map(rsRevision)) + 1) } } }) as Workload;
  }
  if ((current.spec.replicas ?? 0) !== want) {
    const up = want > (current.spec.replicas ?? 0);
    current = cluster.store.commit("apps/replicasets", "MODIFIED", { ...current, metadata: { ...current.metadata, generation: (current.metadata.generation ?? 1) + 1, annotations: { ...current.metadata.annotations, "deployment.kubernetes.io/desired-replicas": String(want) } }, spec: { ...current.spec, replicas: want } }) as Workload;
    recordEvent(cluster, d, "Normal", "ScalingReplicaSet", `Scaled ${up ? "up" : "down"} replica set ${current.metadata.name} to ${want}`, "deployment-controller");
  }
  for (const old of all) {
    if (old.metadata.name === current.metadata.name || (old.spec.replicas ?? 0) === 0) continue;
    cluster.store.commit("apps/replicasets", "MODIFIED", { ...old, metadata: { ...old.metadata, generation: (old.metadata.generation ?? 1) + 1 }, spec: { ...old.spec, replicas: 0 } });
    recordEvent(cluster, d, "Normal", "ScalingReplicaSet", `Scaled down replica set ${old.metadata.name} to 0`, "deployment-controller");
  }
  const rsStatus = (cluster.store.get("apps/replicasets", d.metadata.namespace, current.metadata.name)?.status ?? {}) as { replicas?: number; readyReplicas?: number; availableReplicas?: number };
  const oldPods = all.filter((r) => r.metadata.name !== current.metadata.name).reduce((n, r) => n + Number((r.status as { replicas?: number } | undefined)?.replicas ?? 0), 0);
  const updated = rsStatus.replicas ?? 0;
  const available = rsStatus.availableReplicas ?? 0;
  const at = new Date(cluster.now()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const cur = cluster.store.get("apps/deployments", d.metadata.namespace, d.metadata.name);
  if (!cur) return;
  const prevConds = ((cur.status as { conditions?: { type: string; status: string; lastTransitionTime: string }[] } | undefined)?.conditions ?? []);
  const keep = (type: string, status: string): string => prevConds.find((c) => c.type === type && c.status === status)?.lastTransitionTime ?? at;
  const isAvail = available >= want;
  const done = updated === want && oldPods === 0 && available >= want;
  writeStatus(cluster, typeOf(cluster, "apps/v1", "Deployment"), cur, {
    observedGeneration: cur.metadata.generation,
    replicas: updated + oldPods,
    updatedReplicas: updated,
    readyReplicas: rsStatus.readyReplicas ?? 0,
    availableReplicas: available,
    ...(updated + oldPods - available > 0 ? { unavailableReplicas: updated + oldPods - available } : {}),
    conditions: [
      { type: "Available", status: isAvail ? "True" : "False", lastUpdateTime: keep("Available", isAvail ? "True" : "False"), lastTransitionTime: keep("Available", isAvail ? "True" : "False"), reason: isAvail ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable", message: isAvail ? "Deployment has minimum availability." : "Deployment does not have minimum availability." },
      paused
        ? { type: "Progressing", status: "Unknown", lastUpdateTime: keep("Progressing", "Unknown"), lastTransitionTime: keep("Progressing", "Unknown"), reason: "DeploymentPaused", message: "Deployment is paused" }
        : { type: "Progressing", status: "True", lastUpdateTime: keep("Progressing", "True"), lastTransitionTime: keep("Progressing", "True"), reason: done ? "NewReplicaSetAvailable" : "ReplicaSetUpdated", message: done ? `ReplicaSet "${current.metadata.name}" has successfully progressed.` : `ReplicaSet "${current.metadata.name}" is progressing.` },
    ],
  });
}
