"use client";

import { useTranslations } from "next-intl";
import { isKubeEdgeNode, kubeEdgeVersion } from "@/lib/shared/kubeedge/edge-nodes";
import type { NodeLike } from "@/lib/shared/kube/types";
import { Badge } from "@/components/ui/states";

/**
 * Marks a KubeEdge edge node (label `node-role.kubernetes.io/edge` or an edged kubelet),
 * with the KubeEdge release read from its kubelet version; renders nothing for other
 * nodes. For the explorer's Nodes table and the KubeEdge page.
 */
export function EdgeNodeBadge({ node: input }: { node: { metadata?: { labels?: Record<string, string> }; status?: unknown } }) {
  const t = useTranslations("kubeedge");
  // Explorer list items carry the node as a loosely typed object; only optional fields are read.
  const node = input as Pick<NodeLike, "metadata" | "status">;
  if (!isKubeEdgeNode(node)) return null;
  const version = kubeEdgeVersion(node);
  return (
    <span data-testid="kubeedge-edge-badge" title={t("badgeTitle", { kubelet: node.status?.nodeInfo?.kubeletVersion ?? "" })}>
      <Badge tone="sky">{version ? t("badgeVersion", { version }) : t("badge")}</Badge>
    </span>
  );
}
