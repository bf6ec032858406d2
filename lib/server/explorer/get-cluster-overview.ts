import "server-only";
import { nodeStatus, parseTimestamp } from "@/lib/shared/kube";
import type { TClusterError, TClusterOverview, TKubeObject } from "@/lib/shared/explorer/explorer.schema";
import type { Principal } from "../auth/principal";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { getKubeVersion } from "../k8s/get-kube-version";
import { KubeError } from "../k8s/kube-error";
import { identityOf } from "../k8s/kube-identity";
import { listClusterResources } from "./list-cluster-resources";
import { toClusterRef } from "./to-cluster-ref";

const HOUR_MS = 60 * 60_000;
const MAX_EVENTS = 50;
const SERVER_LABELS = ["node-role.kubernetes.io/control-plane", "node-role.kubernetes.io/master"];

type Obj = TKubeObject & { spec?: Record<string, unknown>; status?: Record<string, unknown> };

function lastSeenMs(ev: Obj): number {
  const e = ev as { lastTimestamp?: string; eventTime?: string; firstTimestamp?: string; series?: { lastObservedTime?: string } };
  return parseTimestamp(e.series?.lastObservedTime) ?? parseTimestamp(e.lastTimestamp) ?? parseTimestamp(e.eventTime) ?? parseTimestamp(e.firstTimestamp) ?? 0;
}

/**
 * The overview of one cluster as the user sees it: Kubernetes/k3s version, servers and HA,
 * nodes ready/total, pods by phase, deployments available/desired, warning events of the
 * last hour, plus the agent's version and last-seen time from the database. Each part that
 * cannot be read is null; the first failure is returned as `error` (never thrown).
 */
export async function getClusterOverview(principal: Principal, clusterId: string): Promise<TClusterOverview> {
  const cluster = await getClusterOrThrow(clusterId);
  const [version, nodes, pods, deployments, events] = await Promise.all([
    getKubeVersion(clusterId, identityOf(principal)).catch((error: unknown) => {
      if (error instanceof KubeError) return error.toData();
      throw error;
    }),
    listClusterResources(principal, clusterId, "nodes", {}),
    listClusterResources(principal, clusterId, "pods", {}),
    listClusterResources(principal, clusterId, "deployments", {}),
    listClusterResources(principal, clusterId, "events", {}),
  ]);
  const objects = (list: { items: Array<{ object: TKubeObject }>; error: TClusterError | null }) => (list.error ? null : list.items.map((i) => i.object as Obj));
  const nodeObjs = objects(nodes);
  const podObjs = objects(pods);
  const deployObjs = objects(deployments);
  const eventObjs = objects(events);
  const gitVersion = "gitVersion" in version ? version.gitVersion : null;
  const servers = nodeObjs ? nodeObjs.filter((n) => SERVER_LABELS.some((l) => n.metadata?.labels?.[l] === "true")).length : null;
  const phases: Record<string, number> = {};
  for (const p of podObjs ?? []) {
    const phase = String(p.status?.phase ?? "Unknown");
    phases[phase] = (phases[phase] ?? 0) + 1;
  }
  const now = Date.now();
  const error = [version, nodes.error, pods.error, deployments.error, events.error].find((e): e is TClusterError => !!e && "code" in e) ?? null;
  return {
    cluster: { ...toClusterRef(cluster), kubernetesVersion: cluster.kubernetesVersion, agentVersion: cluster.agentVersion, serverCount: cluster.serverCount },
    kubernetesVersion: gitVersion,
    distribution: gitVersion ? (gitVersion.includes("+k3s") ? "k3s" : "kubernetes") : null,
    servers,
    // k3s runs HA with more than one server (embedded etcd or an external datastore).
    ha: servers === null ? null : servers > 1,
    nodes: nodeObjs ? { ready: nodeObjs.filter((n) => nodeStatus(n).split(",")[0] === "Ready").length, total: nodeObjs.length } : null,
    pods: podObjs ? phases : null,
    deployments: deployObjs
      ? {
          count: deployObjs.length,
          available: deployObjs.reduce((sum, d) => sum + Number(d.status?.availableReplicas ?? 0), 0),
          desired: deployObjs.reduce((sum, d) => sum + Number(d.spec?.replicas ?? 1), 0),
        }
      : null,
    warningEvents: eventObjs
      ? eventObjs
          .filter((e) => (e as { type?: string }).type === "Warning" && now - lastSeenMs(e) <= HOUR_MS)
          .sort((a, b) => lastSeenMs(b) - lastSeenMs(a))
          .slice(0, MAX_EVENTS)
      : null,
    error,
  };
}
