import type { ClusterState } from "../cluster/cluster-state";
import { recordEvent } from "../cluster/record-event";
import type { KubeObject, Pod } from "../store/kube-types";
import { isRecord } from "../store/kube-types";

/** InternalIP of a node (from its status addresses). */
export function nodeIp(cluster: ClusterState, nodeName: string | undefined): string {
  const node = nodeName ? cluster.store.get("/nodes", undefined, nodeName) : undefined;
  const addrs = (node?.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses ?? [];
  return addrs.find((a) => a.type === "InternalIP")?.address ?? "10.0.0.1";
}

/** Ready, and schedulable unless the pod tolerates node.kubernetes.io/unschedulable (a cordoned node). */
function isReady(node: KubeObject, pod: Pod): boolean {
  const conds = (node.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  if (!conds.some((c) => c.type === "Ready" && c.status === "True")) return false;
  if (!(node.spec as { unschedulable?: boolean } | undefined)?.unschedulable) return true;
  return (pod.spec.tolerations ?? []).filter(isRecord).some((t) => (t.key === "node.kubernetes.io/unschedulable" && (t.effect === undefined || t.effect === "NoSchedule")) || (t.key === undefined && t.operator === "Exists"));
}

interface NodeSelectorTerm { matchExpressions?: { key: string; operator: string; values?: string[] }[] }

/** requiredDuringSchedulingIgnoredDuringExecution node affinity on node labels (In, NotIn, Exists, DoesNotExist). */
function affinityMatches(pod: Pod, node: KubeObject): boolean {
  const terms = ((pod.spec.affinity as { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] } } } | undefined)?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms) ?? [];
  if (terms.length === 0) return true;
  const labels = node.metadata.labels ?? {};
  return terms.some((t) => (t.matchExpressions ?? []).every((e) => {
    const has = e.key in labels;
    if (e.operator === "In") return has && (e.values ?? []).includes(labels[e.key] ?? "");
    if (e.operator === "NotIn") return !has || !(e.values ?? []).includes(labels[e.key] ?? "");
    if (e.operator === "Exists") return has;
    if (e.operator === "DoesNotExist") return !has;
    return false;
  }));
}

function tolerates(pod: Pod, node: KubeObject): boolean {
  const taints = ((node.spec as { taints?: { key: string; effect: string }[] } | undefined)?.taints ?? []).filter((t) => t.effect !== "PreferNoSchedule");
  const tol = (pod.spec.tolerations ?? []).filter(isRecord);
  return taints.every((t) => tol.some((x) => x.operator === "Exists" && (x.key === undefined || x.key === t.key) || (x.key === t.key && (x.effect === undefined || x.effect === t.effect))));
}

/** default-scheduler: binds a pending pod to the least-loaded ready node that fits. */
export function schedulePod(cluster: ClusterState, pod: Pod): void {
  const nodes = cluster.store.list("/nodes").filter((n) => {
    if (!isReady(n, pod) || !tolerates(pod, n) || !affinityMatches(pod, n)) return false;
    const sel = pod.spec.nodeSelector ?? {};
    return Object.entries(sel).every(([k, v]) => n.metadata.labels?.[k] === v);
  });
  if (nodes.length === 0) {
    recordEvent(cluster, pod, "Warning", "FailedScheduling", `0/${cluster.store.count("/nodes")} nodes are available: no node matched the pod's node selector or tolerations.`, "default-scheduler");
    return;
  }
  const load = new Map<string, number>();
  for (const p of cluster.store.list("/pods")) {
    const n = (p.spec as { nodeName?: string }).nodeName;
    if (n) load.set(n, (load.get(n) ?? 0) + 1);
  }
  nodes.sort((a, b) => (load.get(a.metadata.name) ?? 0) - (load.get(b.metadata.name) ?? 0));
  const node = nodes[0];
  if (!node) return;
  const bound = cluster.store.commit("/pods", "MODIFIED", {
    ...pod,
    spec: { ...pod.spec, nodeName: node.metadata.name },
    status: { ...(pod.status ?? { phase: "Pending" }), conditions: [{ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: new Date(cluster.now()).toISOString().replace(/\.\d{3}Z$/, "Z") }] },
  });
  if (!cluster.bootstrapping) recordEvent(cluster, bound, "Normal", "Scheduled", `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node.metadata.name}`, "default-scheduler");
}
