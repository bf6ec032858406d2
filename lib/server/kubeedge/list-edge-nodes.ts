import "server-only";
import { isKubeEdgeNode, kubeEdgeVersion } from "@/lib/shared/kubeedge/edge-nodes";
import type { TEdgeNodeView } from "@/lib/shared/kubeedge/kubeedge.schema";
import { nodeStatus, type NodeLike } from "@/lib/shared/kube";
import type { KubeIdentity } from "../k8s/kube-identity";
import { listKubeObjects } from "../k8s/list-kube-objects";

/**
 * A cluster's KubeEdge edge nodes. All nodes are listed and filtered here (not with a label
 * selector) so an edge node whose role label was removed still shows, by its edged kubelet.
 * Throws KubeError when the cluster cannot be asked.
 */
export async function listEdgeNodes(clusterId: string, identity: KubeIdentity): Promise<TEdgeNodeView[]> {
  const list = await listKubeObjects(clusterId, identity, "nodes");
  return (list.items as NodeLike[]).filter(isKubeEdgeNode).map((node) => ({
    name: node.metadata?.name ?? "",
    status: nodeStatus(node),
    kubeletVersion: node.status?.nodeInfo?.kubeletVersion ?? "",
    kubeedgeVersion: kubeEdgeVersion(node),
    internalIp: node.status?.addresses?.find((a) => a.type === "InternalIP")?.address ?? "",
    osImage: node.status?.nodeInfo?.osImage ?? "",
    createdAt: typeof node.metadata?.creationTimestamp === "string" ? node.metadata.creationTimestamp : null,
  }));
}
