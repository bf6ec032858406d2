import type { ClusterState } from "../cluster/cluster-state";
import { deleteObject } from "../cluster/object-writes";
import type { KubeObject, Pod } from "../store/kube-types";
import { isRecord } from "../store/kube-types";
import { selectorMatches } from "../store/selectors";
import type { LabelSelector } from "../store/kube-types";
import { ApiError } from "./status";

interface Budget {
  name: string;
  expected: number;
  currentHealthy: number;
  desiredHealthy: number;
  disruptionsAllowed: number;
}

const isHealthy = (p: Pod) => !p.metadata.deletionTimestamp && (p.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");

/** minAvailable / maxUnavailable as a count of `expected` (percentages round up, like the disruption controller). */
function count(value: unknown, expected: number): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^\d+%$/.test(value)) return Math.ceil((Number(value.slice(0, -1)) * expected) / 100);
  return undefined;
}

/**
 * A PodDisruptionBudget's status as the disruption controller would compute it now: the
 * matching pods are the expected ones (the simulator has no scale lookup), healthy = Ready
 * and not terminating, desired from minAvailable or maxUnavailable.
 */
export function budgetOf(cluster: ClusterState, pdb: KubeObject): Budget {
  const spec = (pdb.spec ?? {}) as { selector?: LabelSelector; minAvailable?: unknown; maxUnavailable?: unknown };
  const pods = (cluster.store.list("/pods", pdb.metadata.namespace) as Pod[]).filter((p) => selectorMatches(spec.selector, p.metadata.labels));
  const expected = pods.length;
  const currentHealthy = pods.filter(isHealthy).length;
  const min = count(spec.minAvailable, expected);
  const maxUnavailable = count(spec.maxUnavailable, expected);
  const desiredHealthy = min ?? (maxUnavailable !== undefined ? Math.max(0, expected - maxUnavailable) : expected);
  return { name: pdb.metadata.name, expected, currentHealthy, desiredHealthy, disruptionsAllowed: Math.max(0, currentHealthy - desiredHealthy) };
}

/**
 * POST pods/{name}/eviction like kube-apiserver: a pod that is terminating, Succeeded,
 * Failed or Pending ignores budgets; otherwise exactly one matching PodDisruptionBudget may
 * exist (more → 500), and it must allow a disruption (none left → 429 TooManyRequests with
 * a DisruptionBudget cause naming the budget). A not-ready pod may go when the budget is
 * met (unhealthyPodEvictionPolicy IfHealthyBudget, the default) or always (AlwaysAllow).
 * Dry runs check everything and remove nothing.
 */
export function evictPod(cluster: ClusterState, type: Parameters<typeof deleteObject>[1], pod: Pod, dryRun: boolean): void {
  const phase = pod.status?.phase;
  const ignoresBudgets = Boolean(pod.metadata.deletionTimestamp) || phase === "Succeeded" || phase === "Failed" || phase === "Pending";
  if (!ignoresBudgets) {
    const pdbs = cluster.store.list("policy/poddisruptionbudgets", pod.metadata.namespace).filter((b) => selectorMatches((b.spec as { selector?: LabelSelector } | undefined)?.selector, pod.metadata.labels));
    if (pdbs.length > 1) throw new ApiError(500, "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.", "InternalError");
    const pdb = pdbs[0];
    if (pdb) {
      const budget = budgetOf(cluster, pdb);
      const policy = isRecord(pdb.spec) ? pdb.spec.unhealthyPodEvictionPolicy : undefined;
      const unhealthyMayGo = !isHealthy(pod) && (policy === "AlwaysAllow" || budget.currentHealthy >= budget.desiredHealthy);
      if (!unhealthyMayGo && budget.disruptionsAllowed <= 0) {
        throw new ApiError(429, "Cannot evict pod as it would violate the pod's disruption budget.", "TooManyRequests", {
          causes: [{ reason: "DisruptionBudget", message: `The disruption budget ${budget.name} needs ${budget.desiredHealthy} healthy pods and has ${budget.currentHealthy} currently` }],
        });
      }
    }
  }
  if (!dryRun) deleteObject(cluster, type, pod);
}
