import type { TClusterHealth, TEdgexSummary } from "./fleet.schema";
import { isCrashLoopingStatus, isFailingPodStatus, type DeploymentProjection, type EventProjection, type NodeProjection, type PodProjection, type WorkloadProjection } from "./project-objects";

/** At most this many names per detail list: a snapshot stays small for any cluster size. */
export const HEALTH_DETAIL_CAP = 20;

/** The window of "recent" warning events. */
export const WARNING_EVENT_WINDOW_MS = 15 * 60_000;

export interface HealthInput {
  pods: Iterable<PodProjection>;
  nodes: Iterable<NodeProjection>;
  deployments: Iterable<DeploymentProjection>;
  /** StatefulSets and DaemonSets, when the collector watches them (the agent does, protocol 4). */
  workloads?: { statefulSets: Iterable<WorkloadProjection>; daemonSets: Iterable<WorkloadProjection> };
  /** Warning events only. */
  warningEvents: Iterable<EventProjection>;
  kubernetesVersion: string | null;
  edgex: TEdgexSummary | null;
  edgexServicesDown?: string[];
  now: number;
}

function push(list: string[], value: string): void {
  if (list.length < HEALTH_DETAIL_CAP) list.push(value);
}

/**
 * Reduces a cluster's projected objects to the compact health the fleet stores: nodes
 * ready/total, pods by phase, failing and crash-looping pods (kubectl STATUS), deployments
 * with fewer available replicas than desired (StatefulSets and DaemonSets likewise, when
 * given), warning events of the last 15 minutes.
 */
export function summarizeHealth(input: HealthInput): TClusterHealth {
  const pods = { total: 0, running: 0, pending: 0, succeeded: 0, failed: 0, unknown: 0, failing: 0, crashLooping: 0 };
  const details: TClusterHealth["details"] = {
    notReadyNodes: [],
    crashLoopingPods: [],
    failingPods: [],
    unavailableDeployments: [],
    kubeletVersions: [],
    edgexServicesDown: (input.edgexServicesDown ?? []).slice(0, HEALTH_DETAIL_CAP),
  };
  for (const pod of input.pods) {
    pods.total++;
    if (pod.phase === "Running") pods.running++;
    else if (pod.phase === "Pending") pods.pending++;
    else if (pod.phase === "Succeeded") pods.succeeded++;
    else if (pod.phase === "Failed") pods.failed++;
    else pods.unknown++;
    const ref = `${pod.namespace}/${pod.name}`;
    if (isFailingPodStatus(pod.status)) {
      pods.failing++;
      push(details.failingPods, `${ref} ${pod.status}`);
    }
    if (isCrashLoopingStatus(pod.status)) {
      pods.crashLooping++;
      push(details.crashLoopingPods, ref);
    }
  }
  const nodes = { ready: 0, total: 0 };
  const versions = new Set<string>();
  for (const node of input.nodes) {
    nodes.total++;
    if (node.ready) nodes.ready++;
    else if (details.notReadyNodes.length < HEALTH_DETAIL_CAP) details.notReadyNodes.push({ name: node.name, since: node.since });
    if (node.kubeletVersion) versions.add(node.kubeletVersion);
  }
  details.kubeletVersions = [...versions].sort();
  const deployments = { total: 0, unavailable: 0 };
  for (const d of input.deployments) {
    deployments.total++;
    if (d.available < d.desired) {
      deployments.unavailable++;
      push(details.unavailableDeployments, `${d.namespace}/${d.name}`);
    }
  }
  let workloads: TClusterHealth["workloads"];
  if (input.workloads) {
    const count = (sets: Iterable<WorkloadProjection>, names: string[]) => {
      const c = { total: 0, unavailable: 0 };
      for (const w of sets) {
        c.total++;
        if (w.available < w.desired) {
          c.unavailable++;
          push(names, `${w.namespace}/${w.name}`);
        }
      }
      names.sort();
      return c;
    };
    details.unavailableStatefulSets = [];
    details.unavailableDaemonSets = [];
    workloads = { statefulSets: count(input.workloads.statefulSets, details.unavailableStatefulSets), daemonSets: count(input.workloads.daemonSets, details.unavailableDaemonSets) };
  }
  let warningEvents = 0;
  for (const e of input.warningEvents) if (e.at >= input.now - WARNING_EVENT_WINDOW_MS) warningEvents++;
  details.failingPods.sort();
  details.crashLoopingPods.sort();
  details.unavailableDeployments.sort();
  details.notReadyNodes.sort((a, b) => a.name.localeCompare(b.name));
  return { nodes, pods, deployments, ...(workloads ? { workloads } : {}), warningEvents, kubernetesVersion: input.kubernetesVersion, edgex: input.edgex, details };
}
