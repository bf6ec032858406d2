import "server-only";
import type { BundleHealth } from "../bundles/check-bundle-health";
import { UPGRADE_IDENTITY } from "../k8s/kube-identity";
import { kubeJson } from "../k8s/kube-request";
import { AGENT_PLAN, SERVER_PLAN, UPGRADE_NAMESPACE } from "@/lib/shared/upgrades/upgrade-plans";

interface NodeList {
  items?: Array<{ metadata?: { name?: string }; spec?: { unschedulable?: boolean }; status?: { nodeInfo?: { kubeletVersion?: string } } }>;
}
interface PlanList {
  items?: Array<{ metadata?: { name?: string }; status?: { applying?: string[]; conditions?: Array<{ type?: string; status?: string; reason?: string; message?: string }> } }>;
}

/**
 * Where one cluster's upgrade stands, read live from the cluster: Ready once every node's
 * kubelet and the apiserver's `/version` report `version` and both Plans are Complete
 * (the controller has uncordoned the last node); Failed when a Plan stopped on a
 * node whose upgrade Job failed (the controller then leaves that node cordoned and goes no
 * further, and the rollout's `maxFailed` pauses the waves); NotReady with how many nodes
 * run the version and which are being upgraded otherwise.
 */
export async function checkK3sUpgrade(clusterId: string, version: string): Promise<BundleHealth> {
  const plans = await kubeJson<PlanList>(clusterId, UPGRADE_IDENTITY, { path: `/apis/upgrade.cattle.io/v1/namespaces/${UPGRADE_NAMESPACE}/plans` });
  const ours = (plans.items ?? []).filter((p) => p.metadata?.name === SERVER_PLAN || p.metadata?.name === AGENT_PLAN);
  for (const plan of ours) {
    const complete = plan.status?.conditions?.find((c) => c.type === "Complete");
    if (complete?.status === "False" && complete.reason === "JobFailed") return { state: "Failed", message: `${plan.metadata?.name ?? ""}: ${complete.message ?? "upgrade Job failed"}` };
  }
  const nodes = (await kubeJson<NodeList>(clusterId, UPGRADE_IDENTITY, { path: "/api/v1/nodes" })).items ?? [];
  const done = nodes.filter((n) => n.status?.nodeInfo?.kubeletVersion === version).length;
  const applying = ours.flatMap((p) => p.status?.applying ?? []);
  if (done < nodes.length) {
    return { state: "NotReady", message: `${done}/${nodes.length} nodes on ${version}${applying.length > 0 ? `; upgrading ${applying.join(", ")}` : ""}` };
  }
  // The controller uncordons a node only when its Job has completed: not done before the Plans say Complete.
  const unfinished = ours.filter((p) => p.status?.conditions?.find((c) => c.type === "Complete")?.status !== "True").map((p) => p.metadata?.name ?? "");
  if (unfinished.length > 0 || ours.length < 2) return { state: "NotReady", message: `every node runs ${version}; waiting for ${unfinished.join(", ") || "the Plans"} to complete` };
  const served = await kubeJson<{ gitVersion?: string }>(clusterId, UPGRADE_IDENTITY, { path: "/version" });
  if (served.gitVersion !== version) return { state: "NotReady", message: `every node runs ${version}; the apiserver still answers ${served.gitVersion ?? "?"}` };
  return { state: "Ready", message: null };
}
