import "server-only";
import type { TResourceUsage, TUsageQuery, TUsageUnavailableReason } from "@/lib/shared/resource-usage/resource-usage.schema";
import { cpuNanocores, memoryBytes } from "@/lib/shared/resource-usage/quantity";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { KubeError } from "../k8s/kube-error";
import type { KubeIdentity } from "../k8s/kube-identity";
import { kubeJson } from "../k8s/kube-request";

interface MetricsItem {
  metadata: { name: string; namespace?: string };
  timestamp: string;
  window: string;
  usage?: { cpu?: string; memory?: string };
  containers?: Array<{ name: string; usage?: { cpu?: string; memory?: string } }>;
}

const REASONS: Readonly<Record<number, TUsageUnavailableReason>> = { 404: "not_installed", 403: "forbidden", 503: "backend_unavailable" };

/** A cluster-side refusal of metrics.k8s.io (not the tunnel's own 503): a state, not an error. */
function unavailableReason(error: unknown): TUsageUnavailableReason | null {
  if (!(error instanceof KubeError)) return null;
  if (error.kubeStatus === 503 && error.reason === "ClusterNotConnected") return null;
  if (error.kubeStatus === 503 && error.reason === "TunnelError") return null;
  return REASONS[error.kubeStatus] ?? null;
}

/**
 * CPU and memory of a cluster's pods (one namespace or all) or nodes, as `kubectl top`
 * reads them: a list of `metrics.k8s.io/v1beta1` PodMetrics/NodeMetrics as the user. A
 * cluster without metrics-server (404), a user the cluster refuses (403) or an APIService
 * whose backend is down (503) is `{ available: false, reason }`, never an error; an
 * unreachable cluster is (the usual KubeError).
 */
export async function readResourceUsage(clusterId: string, identity: KubeIdentity, query: TUsageQuery): Promise<TResourceUsage> {
  await getClusterOrThrow(clusterId);
  const scope = query.resource === "pods" && query.namespace ? `/namespaces/${encodeURIComponent(query.namespace)}` : "";
  let list: { items?: MetricsItem[] };
  try {
    list = await kubeJson<{ items?: MetricsItem[] }>(clusterId, identity, { path: `/apis/metrics.k8s.io/v1beta1${scope}/${query.resource}` });
  } catch (error) {
    const reason = unavailableReason(error);
    if (!reason) throw error;
    return { available: false, reason, message: (error as KubeError).message };
  }
  const items = (list.items ?? []).map((m) => {
    const containers = m.containers?.map((c) => ({ name: c.name, cpuNanocores: cpuNanocores(c.usage?.cpu), memoryBytes: memoryBytes(c.usage?.memory) }));
    const sum = (key: "cpuNanocores" | "memoryBytes") => (containers ?? []).reduce((n, c) => n + c[key], 0);
    return {
      ...(m.metadata.namespace ? { namespace: m.metadata.namespace } : {}),
      name: m.metadata.name,
      timestamp: m.timestamp,
      window: m.window,
      cpuNanocores: containers ? sum("cpuNanocores") : cpuNanocores(m.usage?.cpu),
      memoryBytes: containers ? sum("memoryBytes") : memoryBytes(m.usage?.memory),
      ...(containers ? { containers } : {}),
    };
  });
  return { available: true, items };
}
