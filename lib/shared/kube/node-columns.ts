// kubectl's node columns: printNode, findNodeRoles, getNodeInternalIP/ExternalIP in
// k8s.io/kubernetes/pkg/printers/internalversion/printers.go.

import { formatAge } from "./format-age";
import type { NodeLike } from "./types";

/** One node as `kubectl get nodes -o wide` prints it. */
export interface NodeRow {
  name: string;
  status: string;
  roles: string;
  age: string;
  version: string;
  internalIp: string;
  externalIp: string;
  osImage: string;
  kernelVersion: string;
  containerRuntime: string;
}

const LABEL_NODE_ROLE_PREFIX = "node-role.kubernetes.io/";
const NODE_LABEL_ROLE = "kubernetes.io/role";

/**
 * STATUS column: "Ready" / "NotReady" from the Ready condition (any status but True is
 * "NotReady", so a node whose kubelet stopped posting — status Unknown — prints NotReady),
 * "Unknown" when there is no Ready condition at all, plus ",SchedulingDisabled" when cordoned.
 */
export function nodeStatus(node: NodeLike): string {
  const parts: string[] = [];
  // printNode keeps the last condition of each type (it builds a map).
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === "Ready").at(-1);
  if (ready) parts.push(ready.status === "True" ? "Ready" : "NotReady");
  else parts.push("Unknown");
  if (node.spec?.unschedulable) parts.push("SchedulingDisabled");
  return parts.join(",");
}

/**
 * ROLES column: the suffixes of node-role.kubernetes.io/<role> labels plus the value of a
 * non-empty kubernetes.io/role label, de-duplicated, sorted, joined by ","; "<none>" if none.
 */
export function nodeRoles(node: NodeLike): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata?.labels ?? {})) {
    if (key.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = key.slice(LABEL_NODE_ROLE_PREFIX.length);
      if (role.length > 0) roles.add(role);
    } else if (key === NODE_LABEL_ROLE && value !== "") {
      roles.add(value);
    }
  }
  // Go's sets.String.List() sorts bytewise; for label text that is JS's default order.
  return [...roles].sort().join(",") || "<none>";
}

function firstAddress(node: NodeLike, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? "<none>";
}

/** Every `kubectl get nodes -o wide` column of one node. */
export function nodeRow(node: NodeLike, now: Date | number): NodeRow {
  const info = node.status?.nodeInfo ?? {};
  return {
    name: node.metadata?.name ?? "",
    status: nodeStatus(node),
    roles: nodeRoles(node),
    age: formatAge(node.metadata?.creationTimestamp, now),
    version: info.kubeletVersion ?? "",
    internalIp: firstAddress(node, "InternalIP"),
    externalIp: firstAddress(node, "ExternalIP"),
    osImage: info.osImage || "<unknown>",
    kernelVersion: info.kernelVersion || "<unknown>",
    containerRuntime: info.containerRuntimeVersion || "<unknown>",
  };
}
