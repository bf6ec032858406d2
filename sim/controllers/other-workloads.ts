import type { ClusterState } from "../cluster/cluster-state";
import { deleteObject, writeStatus } from "../cluster/object-writes";
import type { KubeObject, Pod, Workload } from "../store/kube-types";
import { isoTime } from "../store/object-store";
import { syncControllerRevision } from "./controller-revisions";
import { createPod, isPodReady, owned, typeOf } from "./workload-pods";

/** Pods still running an older revision, by `controller-revision-hash` (RollingUpdate only). */
function outdated(set: Workload, pods: KubeObject[], label: string): KubeObject[] {
  const strategy = (set.spec as { updateStrategy?: { type?: string } }).updateStrategy?.type ?? "RollingUpdate";
  if (strategy === "OnDelete") return [];
  return pods.filter((p) => p.metadata.labels?.["controller-revision-hash"] !== label && !p.metadata.deletionTimestamp);
}

/**
 * DaemonSet controller: one pod per schedulable node (honouring nodeSelector) of the
 * current ControllerRevision; RollingUpdate (maxUnavailable 1) replaces one outdated pod
 * at a time once every other pod is ready.
 */
export function reconcileDaemonSet(cluster: ClusterState, ds: Workload): void {
  const sel = ds.spec.template.spec.nodeSelector ?? {};
  const nodes = cluster.store.list("/nodes").filter((n) => Object.entries(sel).every(([k, v]) => n.metadata.labels?.[k] === v));
  const rev = syncControllerRevision(cluster, ds);
  const pods = owned(cluster, "/pods", ds).filter((p) => !p.metadata.deletionTimestamp) as Pod[];
  for (const n of nodes) {
    if (!pods.some((p) => p.spec.nodeName === n.metadata.name)) createPod(cluster, ds, undefined, { "controller-revision-hash": rev.hash, "pod-template-generation": String(ds.metadata.generation ?? 1) }, n.metadata.name);
  }
  const all = owned(cluster, "/pods", ds);
  const old = outdated(ds, all, rev.hash);
  if (old.length > 0 && all.every((p) => !p.metadata.deletionTimestamp && (old.includes(p) || isPodReady(p)))) {
    const victim = old.find((p) => !isPodReady(p)) ?? old[0]!;
    deleteObject(cluster, typeOf(cluster, "v1", "Pod"), victim);
  }
  const now = owned(cluster, "/pods", ds).filter((p) => !p.metadata.deletionTimestamp);
  const ready = now.filter(isPodReady).length;
  const updated = now.filter((p) => p.metadata.labels?.["controller-revision-hash"] === rev.hash).length;
  const cur = cluster.store.get("apps/daemonsets", ds.metadata.namespace, ds.metadata.name);
  if (!cur) return;
  writeStatus(cluster, typeOf(cluster, "apps/v1", "DaemonSet"), cur, { currentNumberScheduled: now.length, desiredNumberScheduled: nodes.length, numberAvailable: ready, numberMisscheduled: 0, numberReady: ready, observedGeneration: cur.metadata.generation, updatedNumberScheduled: updated, ...(ready < nodes.length ? { numberUnavailable: nodes.length - ready } : {}) });
}

/**
 * StatefulSet controller: ordinal pods name-0..n-1 of the current ControllerRevision;
 * RollingUpdate replaces outdated pods from the highest ordinal down, one at a time once
 * every other pod is ready. currentRevision follows updateRevision when all are updated.
 */
export function reconcileStatefulSet(cluster: ClusterState, ss: Workload): void {
  const want = ss.spec.replicas ?? 1;
  const rev = syncControllerRevision(cluster, ss);
  const pods = owned(cluster, "/pods", ss);
  for (let i = 0; i < want; i++) {
    const name = `${ss.metadata.name}-${i}`;
    if (!pods.some((p) => p.metadata.name === name)) createPod(cluster, ss, name, { "controller-revision-hash": rev.name, "statefulset.kubernetes.io/pod-name": name, "apps.kubernetes.io/pod-index": String(i) });
  }
  const ordinal = (p: KubeObject) => Number(p.metadata.name.slice(ss.metadata.name.length + 1));
  for (const p of pods) {
    if (ordinal(p) >= want && !p.metadata.deletionTimestamp) deleteObject(cluster, typeOf(cluster, "v1", "Pod"), p);
  }
  const all = owned(cluster, "/pods", ss);
  const old = outdated(ss, all, rev.name).filter((p) => ordinal(p) < want).sort((a, b) => ordinal(b) - ordinal(a));
  if (old.length > 0 && all.length === want && all.every((p) => !p.metadata.deletionTimestamp && isPodReady(p))) deleteObject(cluster, typeOf(cluster, "v1", "Pod"), old[0]!);
  const now = owned(cluster, "/pods", ss).filter((p) => !p.metadata.deletionTimestamp);
  const ready = now.filter(isPodReady).length;
  const updated = now.filter((p) => p.metadata.labels?.["controller-revision-hash"] === rev.name).length;
  const cur = cluster.store.get("apps/statefulsets", ss.metadata.namespace, ss.metadata.name);
  if (!cur) return;
  const prev = (cur.status ?? {}) as { currentRevision?: string };
  const currentRevision = updated === want || !prev.currentRevision ? rev.name : prev.currentRevision;
  writeStatus(cluster, typeOf(cluster, "apps/v1", "StatefulSet"), cur, { observedGeneration: cur.metadata.generation, replicas: now.length, readyReplicas: ready, currentReplicas: currentRevision === rev.name ? updated : now.length - updated, updatedReplicas: updated, availableReplicas: ready, currentRevision, updateRevision: rev.name, collisionCount: 0 });
}

/** Job controller: runs pods until `completions` succeed. */
export function reconcileJob(cluster: ClusterState, job: Workload): void {
  const spec = job.spec as Workload["spec"] & { completions?: number; parallelism?: number; backoffLimit?: number };
  const completions = spec.completions ?? 1;
  const pods = owned(cluster, "/pods", job) as Pod[];
  const succeeded = pods.filter((p) => p.status?.phase === "Succeeded").length;
  const failed = pods.filter((p) => p.status?.phase === "Failed").length;
  const active = pods.filter((p) => !["Succeeded", "Failed"].includes(p.status?.phase ?? "") && !p.metadata.deletionTimestamp).length;
  const status = (job.status ?? {}) as Record<string, unknown>;
  const done = succeeded >= completions;
  const wasFailed = ((status.conditions ?? []) as { type: string; status: string }[]).some((c) => c.type === "Failed" && c.status === "True");
  const failedOut = wasFailed || failed > (spec.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, pods, spec.backoffLimit ?? 6);
  if (failedOut && !done) {
    // Like the job controller: a failed Job stops its still-running pods.
    for (const p of pods) if (["Running", "Pending"].includes(p.status?.phase ?? "") && !p.metadata.deletionTimestamp) deleteObject(cluster, typeOf(cluster, "v1", "Pod"), p);
  }
  if (!done && !failedOut && active < Math.min(spec.parallelism ?? 1, completions - succeeded)) {
    createPod(cluster, { ...job, spec: { ...job.spec, template: { ...job.spec.template, spec: { ...job.spec.template.spec, restartPolicy: job.spec.template.spec.restartPolicy ?? "Never" } } } }, undefined, { "batch.kubernetes.io/controller-uid": job.metadata.uid, "batch.kubernetes.io/job-name": job.metadata.name, "controller-uid": job.metadata.uid, "job-name": job.metadata.name });
  }
  const cur = cluster.store.get("batch/jobs", job.metadata.namespace, job.metadata.name);
  if (!cur) return;
  const at = isoTime(cluster.now());
  const next: Record<string, unknown> = { startTime: status.startTime ?? isoTime(Date.parse(job.metadata.creationTimestamp)), active: (failedOut ? 0 : active) || undefined, succeeded: succeeded || undefined, failed: (failed || (failedOut ? Math.max(1, Number(status.failed ?? 0)) : 0)) || undefined, ready: 0, terminating: 0, uncountedTerminatedPods: {} };
  if (done) {
    next.completionTime = status.completionTime ?? at;
    next.conditions = status.conditions ?? [{ type: "SuccessCriteriaMet", status: "True", lastProbeTime: at, lastTransitionTime: at, reason: "CompletionsReached", message: "Reached expected number of succeeded pods" }, { type: "Complete", status: "True", lastProbeTime: at, lastTransitionTime: at, reason: "CompletionsReached", message: "Reached expected number of succeeded pods" }];
  } else if (failedOut) {
    next.conditions = status.conditions ?? [{ type: "Failed", status: "True", lastProbeTime: at, lastTransitionTime: at, reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit" }];
  }
  writeStatus(cluster, typeOf(cluster, "batch/v1", "Job"), cur, JSON.parse(JSON.stringify(next)) as unknown);
}

/**
 * With restartPolicy OnFailure the kubelet restarts failed containers in place, so the job
 * controller counts container restarts of running and pending pods against backoffLimit.
 */
function pastBackoffLimitOnFailure(job: Workload, pods: Pod[], backoffLimit: number): boolean {
  if (job.spec.template.spec.restartPolicy !== "OnFailure") return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== "Running" && p.status?.phase !== "Pending") continue;
    for (const s of p.status.containerStatuses ?? []) restarts += s.restartCount;
  }
  return backoffLimit === 0 ? restarts > 0 : restarts >= backoffLimit;
}

/** The workload owning a pod (controller reference), if any. */
export function controllerOf(cluster: ClusterState, pod: KubeObject): KubeObject | undefined {
  const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
  if (!ref) return undefined;
  const t = cluster.registry.byKind(ref.apiVersion, ref.kind);
  return t ? cluster.store.get(t.storage, pod.metadata.namespace, ref.name) : undefined;
}
