import type { KubeTarget } from "./load-kube-target";
import { errorMessage } from "./logger";
import { requestKube } from "./request-kube";
import { AGENT_VERSION } from "./version";

/** What the agent reports in CONTROL hello / info messages. */
export interface ClusterInfo {
  agentVersion: string;
  kubernetesVersion: string | null;
  nodeCount: number | null;
  /** Nodes labelled node-role.kubernetes.io/control-plane or …/master = "true" (k3s servers). */
  serverCount: number | null;
  platform: string;
  /** Why a field is null, when the apiserver could not be read. */
  error?: string;
}

const SERVER_ROLE_LABELS = ["node-role.kubernetes.io/control-plane", "node-role.kubernetes.io/master"];
const MAX_NODE_PAGES = 100;

async function countNodes(target: KubeTarget): Promise<{ nodes: number; servers: number }> {
  let nodes = 0;
  let servers = 0;
  let continueToken: string | undefined;
  for (let page = 0; page < MAX_NODE_PAGES; page++) {
    const query = `?limit=500${continueToken ? `&continue=${encodeURIComponent(continueToken)}` : ""}`;
    const { status, body } = await requestKube(target, "GET", `/api/v1/nodes${query}`);
    if (status !== 200 || !Array.isArray(body?.items)) throw new Error(`GET /api/v1/nodes answered ${status}`);
    for (const item of body.items as { metadata?: { labels?: Record<string, string> } }[]) {
      nodes++;
      const labels = item.metadata?.labels ?? {};
      if (SERVER_ROLE_LABELS.some((label) => labels[label] === "true")) servers++;
    }
    continueToken = (body.metadata as { continue?: string } | undefined)?.continue || undefined;
    if (!continueToken) break;
  }
  return { nodes, servers };
}

/**
 * Reads the cluster facts the console shows (Kubernetes version, node and server counts)
 * straight from the apiserver. Never throws: an unreachable apiserver gives nulls and `error`,
 * so the tunnel still comes up and the console can show why.
 */
export async function collectClusterInfo(target: KubeTarget): Promise<ClusterInfo> {
  const info: ClusterInfo = {
    agentVersion: AGENT_VERSION,
    kubernetesVersion: null,
    nodeCount: null,
    serverCount: null,
    platform: `${process.platform}/${process.arch}`,
  };
  try {
    const { status, body } = await requestKube(target, "GET", "/version");
    if (status !== 200) throw new Error(`GET /version answered ${status}`);
    if (typeof body?.gitVersion === "string") info.kubernetesVersion = body.gitVersion;
    if (typeof body?.platform === "string") info.platform = body.platform;
    const counts = await countNodes(target);
    info.nodeCount = counts.nodes;
    info.serverCount = counts.servers;
  } catch (error) {
    info.error = errorMessage(error);
  }
  return info;
}
