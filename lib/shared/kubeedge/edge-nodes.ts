import type { NodeLike } from "../kube/types";

/** The label KubeEdge's keadm puts on edge nodes. */
export const EDGE_NODE_LABEL = "node-role.kubernetes.io/edge";

const KUBEEDGE_KUBELET = /-kubeedge-(v\d+\.\d+\.\d+[-.\w]*)$/;

/**
 * True for a KubeEdge edge node: labelled `node-role.kubernetes.io/edge` (any value), or
 * reporting a KubeEdge edged kubelet version (`v1.29.5-kubeedge-v1.18.0`) even when the
 * label was removed.
 */
export function isKubeEdgeNode(node: Pick<NodeLike, "metadata" | "status">): boolean {
  return EDGE_NODE_LABEL in (node.metadata?.labels ?? {}) || KUBEEDGE_KUBELET.test(node.status?.nodeInfo?.kubeletVersion ?? "");
}

/** The KubeEdge release in an edge node's kubelet version (`v1.29.5-kubeedge-v1.18.0` → `v1.18.0`), or null. */
export function kubeEdgeVersion(node: Pick<NodeLike, "status">): string | null {
  return KUBEEDGE_KUBELET.exec(node.status?.nodeInfo?.kubeletVersion ?? "")?.[1] ?? null;
}
