import "server-only";
import type { TDrainPlan, TDrainPod } from "@/lib/shared/node-drain/node-drain.schema";
import type { Principal } from "../auth/principal";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { identityOf } from "../k8s/kube-identity";
import { kubeJson } from "../k8s/kube-request";

interface PodItem {
  metadata: { name: string; namespace: string; labels?: Record<string, string>; annotations?: Record<string, string>; ownerReferences?: Array<{ kind: string; controller?: boolean }> };
  spec?: { volumes?: Array<{ emptyDir?: unknown }> };
}
interface BudgetItem {
  metadata: { name: string; namespace: string };
  spec?: { selector?: { matchLabels?: Record<string, string>; matchExpressions?: Array<{ key: string; operator: string; values?: string[] }> } };
}

function selects(selector: NonNullable<BudgetItem["spec"]>["selector"], labels: Record<string, string> = {}): boolean {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = e.key in labels;
    const value = labels[e.key];
    if (e.operator === "In" && !(has && (e.values ?? []).includes(value!))) return false;
    if (e.operator === "NotIn" && has && (e.values ?? []).includes(value!)) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

/**
 * What draining `node` will do, read as the user: the pods on it (field selector
 * `spec.nodeName`), DaemonSet and mirror pods skipped (`--ignore-daemonsets`), emptyDir
 * pods evicted too (`--delete-emptydir-data`), and the budget covering each pod.
 */
export async function planNodeDrain(principal: Principal, clusterId: string, node: string): Promise<TDrainPlan> {
  await getClusterOrThrow(clusterId);
  const identity = identityOf(principal);
  const [nodeObj, pods, budgets] = await Promise.all([
    kubeJson<{ spec?: { unschedulable?: boolean } }>(clusterId, identity, { path: `/api/v1/nodes/${encodeURIComponent(node)}` }),
    kubeJson<{ items: PodItem[] }>(clusterId, identity, { path: "/api/v1/pods", query: { fieldSelector: `spec.nodeName=${node}` } }),
    kubeJson<{ items: BudgetItem[] }>(clusterId, identity, { path: "/apis/policy/v1/poddisruptionbudgets" }),
  ]);
  const planned: TDrainPod[] = pods.items.map((p) => {
    const owner = p.metadata.ownerReferences?.find((o) => o.controller);
    const mirror = Boolean(p.metadata.annotations?.["kubernetes.io/config.mirror"]);
    const budget = budgets.items.find((b) => b.metadata.namespace === p.metadata.namespace && selects(b.spec?.selector, p.metadata.labels))?.metadata.name;
    const skipReason = mirror ? ("mirror" as const) : owner?.kind === "DaemonSet" ? ("daemonset" as const) : undefined;
    return {
      namespace: p.metadata.namespace,
      name: p.metadata.name,
      action: skipReason ? "skip" : "evict",
      ...(skipReason ? { skipReason } : {}),
      ...(budget ? { budget } : {}),
      emptyDir: (p.spec?.volumes ?? []).some((v) => v.emptyDir !== undefined),
    };
  });
  planned.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  return { node, unschedulable: nodeObj.spec?.unschedulable === true, pods: planned };
}
