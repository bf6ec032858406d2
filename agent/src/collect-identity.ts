import type { KubeTarget } from "./load-kube-target";
import { requestKube } from "./request-kube";

/** What a fleet-token registration reports (the console's ZClusterIdentitySchema). */
export interface ClusterIdentity {
  nodeName: string;
  machineId: string;
  arch: string;
  k3sVersion: string;
  labels: Record<string, string>;
}

interface NodeItem {
  metadata?: { name?: string; uid?: string; creationTimestamp?: string; labels?: Record<string, string> };
  status?: { nodeInfo?: { machineID?: string; architecture?: string; kubeletVersion?: string } };
}

const SERVER_ROLE = "node-role.kubernetes.io/control-plane";

/**
 * The cluster's identity for self-registration: its first k3s server (oldest control-plane
 * node, by creation then name) — its name, machine id (`/etc/machine-id`, as the kubelet
 * reports it; the node's uid when a host has none) and architecture — the cluster's version
 * from `/version`, and the labels given to the agent. The machine id makes registering again
 * from the same cluster find the same registration.
 * @throws Error when the apiserver cannot be read or reports no node (retried by the caller).
 */
export async function collectIdentity(target: KubeTarget, labels: Record<string, string>): Promise<ClusterIdentity> {
  const version = await requestKube(target, "GET", "/version");
  if (version.status !== 200 || typeof version.body?.gitVersion !== "string") throw new Error(`GET /version answered ${version.status}`);
  const list = await requestKube(target, "GET", `/api/v1/nodes?labelSelector=${encodeURIComponent(`${SERVER_ROLE}=true`)}`);
  if (list.status !== 200 || !Array.isArray(list.body?.items)) throw new Error(`GET /api/v1/nodes answered ${list.status}`);
  let nodes = list.body.items as NodeItem[];
  if (nodes.length === 0) {
    const all = await requestKube(target, "GET", "/api/v1/nodes?limit=500");
    if (all.status !== 200 || !Array.isArray(all.body?.items)) throw new Error(`GET /api/v1/nodes answered ${all.status}`);
    nodes = all.body.items as NodeItem[];
  }
  const first = [...nodes].sort((a, b) => (a.metadata?.creationTimestamp ?? "").localeCompare(b.metadata?.creationTimestamp ?? "") || (a.metadata?.name ?? "").localeCompare(b.metadata?.name ?? ""))[0];
  const nodeName = first?.metadata?.name;
  const machineId = first?.status?.nodeInfo?.machineID || first?.metadata?.uid;
  if (!first || !nodeName || !machineId) throw new Error("the cluster reports no node to identify it by");
  return { nodeName, machineId, arch: first.status?.nodeInfo?.architecture || process.arch, k3sVersion: version.body.gitVersion, labels };
}
