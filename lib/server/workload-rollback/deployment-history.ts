import "server-only";
import type { TWorkloadHistory } from "@/lib/shared/workload-rollback/workload-rollback.schema";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import type { KubeIdentity } from "../k8s/kube-identity";
import { kubeJson } from "../k8s/kube-request";
import { templateYaml } from "./template-yaml";

export interface ReplicaSetItem {
  metadata: { name: string; annotations?: Record<string, string>; ownerReferences?: Array<{ uid: string; controller?: boolean }> };
  spec?: { template?: { metadata?: { labels?: Record<string, string> } & Record<string, unknown>; spec?: { containers?: Array<{ image?: string }> } } & Record<string, unknown> };
}

/** A ReplicaSet's pod template as its Deployment had it: without the controller's pod-template-hash label. */
export function deploymentTemplateOf(rs: ReplicaSetItem): Record<string, unknown> | undefined {
  const template = rs.spec?.template;
  if (!template) return undefined;
  const labels = { ...(template.metadata?.labels ?? {}) };
  delete labels["pod-template-hash"];
  return { ...template, metadata: { ...(template.metadata ?? {}), labels } };
}

/**
 * A Deployment's revisions from the ReplicaSets it controls (annotation
 * `deployment.kubernetes.io/revision`), newest first; the highest revision is current.
 */
export async function readDeploymentHistory(clusterId: string, identity: KubeIdentity, namespace: string, name: string): Promise<TWorkloadHistory & { paused: boolean; replicaSets: Map<number, ReplicaSetItem> }> {
  await getClusterOrThrow(clusterId);
  const ns = encodeURIComponent(namespace);
  const deployment = await kubeJson<{ metadata: { uid: string }; spec?: { paused?: boolean } }>(clusterId, identity, { path: `/apis/apps/v1/namespaces/${ns}/deployments/${encodeURIComponent(name)}` });
  const list = await kubeJson<{ items: ReplicaSetItem[] }>(clusterId, identity, { path: `/apis/apps/v1/namespaces/${ns}/replicasets` });
  const replicaSets = new Map<number, ReplicaSetItem>();
  for (const rs of list.items) {
    if (!rs.metadata.ownerReferences?.some((o) => o.controller && o.uid === deployment.metadata.uid)) continue;
    const revision = Number(rs.metadata.annotations?.["deployment.kubernetes.io/revision"]);
    if (Number.isInteger(revision) && revision > 0) replicaSets.set(revision, rs);
  }
  const newest = Math.max(0, ...replicaSets.keys());
  const revisions = [...replicaSets.entries()]
    .sort(([a], [b]) => b - a)
    .map(([revision, rs]) => ({
      revision,
      source: rs.metadata.name,
      images: (rs.spec?.template?.spec?.containers ?? []).map((c) => c.image ?? ""),
      current: revision === newest,
      template: templateYaml(deploymentTemplateOf(rs)),
    }));
  return { revisions, paused: deployment.spec?.paused === true, replicaSets };
}
