// Compact projections of the Kubernetes objects the health collector watches. The collector
// keeps only these (not whole objects) per cluster, so thousands of clusters fit in memory;
// statuses are derived with the same functions kubectl's columns use (lib/shared/kube).
import { nodeStatus, parseTimestamp, podStatus } from "../kube";
import type { DaemonSetLike, DeploymentLike, EventLike, NodeLike, PodLike, StatefulSetLike } from "../kube/types";

export interface PodProjection {
  namespace: string;
  name: string;
  /** status.phase (Running, Pending, Succeeded, Failed, Unknown). */
  phase: string;
  /** kubectl's STATUS column. */
  status: string;
  labels: Record<string, string>;
}

export interface NodeProjection {
  name: string;
  ready: boolean;
  /** lastTransitionTime of the Ready condition (ISO), when known. */
  since: string | null;
  kubeletVersion: string | null;
  labels: Record<string, string>;
}

export interface DeploymentProjection {
  namespace: string;
  name: string;
  desired: number;
  available: number;
  labels: Record<string, string>;
}

/** A StatefulSet or DaemonSet as the health summary counts it (not searched: no labels kept). */
export interface WorkloadProjection {
  namespace: string;
  name: string;
  desired: number;
  available: number;
}

export interface EventProjection {
  /** Epoch ms of the event's latest occurrence. */
  at: number;
}

// kubectl STATUS values that mean "fine or making progress". Everything else — CrashLoopBackOff,
// ImagePullBackOff, Error, OOMKilled, Evicted, ExitCode:N, Init:Error, unknown reasons — counts
// as failing: an allow-list keeps reasons we never heard of visible instead of hiding them.
const OK_STATUSES = new Set(["Running", "Completed", "Succeeded", "Pending", "ContainerCreating", "PodInitializing", "Terminating", "SchedulingGated", "NotReady"]);

/** True when kubectl's STATUS of a pod shows an error (see OK_STATUSES for what does not). */
export function isFailingPodStatus(status: string): boolean {
  if (OK_STATUSES.has(status)) return false;
  // Init:1/3 is an init container in progress; Init:CrashLoopBackOff is not.
  if (/^Init:\d+\/\d+$/.test(status)) return false;
  return true;
}

/** True for CrashLoopBackOff, of a container or an init container. */
export function isCrashLoopingStatus(status: string): boolean {
  return status === "CrashLoopBackOff" || status === "Init:CrashLoopBackOff";
}

function labelsOf(obj: { metadata?: { labels?: Readonly<Record<string, string>> } }): Record<string, string> {
  return { ...(obj.metadata?.labels ?? {}) };
}

export function projectPod(pod: PodLike): PodProjection {
  return {
    namespace: pod.metadata?.namespace ?? "",
    name: pod.metadata?.name ?? "",
    phase: pod.status?.phase ?? "Unknown",
    status: podStatus(pod),
    labels: labelsOf(pod),
  };
}

export function projectNode(node: NodeLike): NodeProjection {
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === "Ready").at(-1) as { lastTransitionTime?: string | Date } | undefined;
  const since = parseTimestamp(ready?.lastTransitionTime);
  return {
    name: node.metadata?.name ?? "",
    ready: nodeStatus(node).startsWith("Ready"),
    since: since === undefined ? null : new Date(since).toISOString(),
    kubeletVersion: node.status?.nodeInfo?.kubeletVersion ?? null,
    labels: labelsOf(node),
  };
}

export function projectDeployment(deployment: DeploymentLike): DeploymentProjection {
  return {
    namespace: deployment.metadata?.namespace ?? "",
    name: deployment.metadata?.name ?? "",
    // The apiserver defaults spec.replicas to 1.
    desired: deployment.spec?.replicas ?? 1,
    available: deployment.status?.availableReplicas ?? 0,
    labels: labelsOf(deployment),
  };
}

/** kubectl's READY of a StatefulSet: ready replicas of `spec.replicas` (defaulted to 1). */
export function projectStatefulSet(set: StatefulSetLike): WorkloadProjection {
  return { namespace: set.metadata?.namespace ?? "", name: set.metadata?.name ?? "", desired: set.spec?.replicas ?? 1, available: set.status?.readyReplicas ?? 0 };
}

/** kubectl's AVAILABLE of a DaemonSet against its DESIRED (the nodes it should run on). */
export function projectDaemonSet(set: DaemonSetLike): WorkloadProjection {
  return { namespace: set.metadata?.namespace ?? "", name: set.metadata?.name ?? "", desired: set.status?.desiredNumberScheduled ?? 0, available: set.status?.numberAvailable ?? 0 };
}

/** The latest time an event was observed: series, lastTimestamp, eventTime, then creation. */
export function projectEvent(event: EventLike): EventProjection {
  const at =
    parseTimestamp(event.series?.lastObservedTime) ??
    parseTimestamp(event.lastTimestamp) ??
    parseTimestamp(event.eventTime) ??
    parseTimestamp(event.metadata?.creationTimestamp) ??
    0;
  return { at };
}
