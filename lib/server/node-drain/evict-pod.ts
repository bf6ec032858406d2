import "server-only";
import type { TEvictResult } from "@/lib/shared/node-drain/node-drain.schema";
import type { Principal } from "../auth/principal";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import type { RequestMeta } from "../http/request-meta";
import { identityOf } from "../k8s/kube-identity";
import { KubeError } from "../k8s/kube-error";
import { kubeJson } from "../k8s/kube-request";
import { runAuditedKubeAction } from "../explorer/run-audited-kube-action";

/**
 * Evicts one pod through the Eviction subresource (policy/v1), as the user, so
 * PodDisruptionBudgets decide: a refusal by a budget (429 with a DisruptionBudget cause)
 * is the answer `blocked` with the cluster's words — the caller retries, as kubectl drain
 * does. A pod already gone is `gone`. Successful evictions are audited (`k8s.pod.evict`);
 * blocked attempts change nothing and are not.
 */
export async function evictPod(principal: Principal, meta: RequestMeta, clusterId: string, namespace: string, name: string): Promise<TEvictResult> {
  await getClusterOrThrow(clusterId);
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}/eviction`;
  const body = { apiVersion: "policy/v1", kind: "Eviction", metadata: { name, namespace } };
  try {
    await kubeJson(clusterId, identityOf(principal), { method: "POST", path, body });
  } catch (error) {
    if (error instanceof KubeError && error.kubeStatus === 429 && error.causes.some((c) => c.reason === "DisruptionBudget")) {
      return { outcome: "blocked", message: [error.message, ...error.causes.map((c) => c.message ?? "")].filter(Boolean).join(" ") };
    }
    if (error instanceof KubeError && error.kubeStatus === 404) return { outcome: "gone" };
    throw error;
  }
  await runAuditedKubeAction(principal, meta, clusterId, "k8s.pod.evict", { namespace, name }, async () => undefined);
  return { outcome: "evicted" };
}
