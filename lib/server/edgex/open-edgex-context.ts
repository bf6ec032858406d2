import "server-only";
import type { Cluster } from "@/lib/generated/prisma/client";
import type { TClusterError } from "@/lib/shared/explorer/explorer.schema";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { clusterNotConnected, KubeError } from "../k8s/kube-error";
import { isClusterConnected } from "../tunnel/tunnel-registry";
import type { KubeIdentity } from "../k8s/kube-identity";
import { discoverEdgexServices } from "./discover-edgex-services";
import { edgexTimeoutMs } from "./edgex-config";
import type { EdgexContext } from "@/lib/shared/edgex/edgex-context";
import { kubeProxyTransport } from "./kube-proxy-transport";

export type OpenedEdgex = { cluster: Cluster; ctx: EdgexContext; error: null } | { cluster: Cluster; ctx: null; error: TClusterError };

/**
 * Looks up the cluster (unknown id → 404) and discovers its EdgeX services. Reads use the
 * console's identity (`null`): Kubernetes' `view` role, which console viewers map to, does
 * not grant `services/proxy`, and the console already checked `clusters:read` and only
 * calls fixed read endpoints. A cluster that cannot be asked comes back as `error`.
 */
export async function openEdgexContext(clusterId: string, identity: KubeIdentity = null, signal?: AbortSignal): Promise<OpenedEdgex> {
  const cluster = await getClusterOrThrow(clusterId);
  const timeoutMs = edgexTimeoutMs();
  // Checked before the (cached) discovery: a cut tunnel is one cluster error, not N service failures.
  if (!isClusterConnected(cluster.id)) return { cluster, ctx: null, error: clusterNotConnected(cluster.id).toData() };
  try {
    const services = await discoverEdgexServices(cluster.id, timeoutMs);
    return { cluster, ctx: { clusterId: cluster.id, transport: kubeProxyTransport(cluster.id, identity, signal), services, timeoutMs }, error: null };
  } catch (error) {
    if (!(error instanceof KubeError)) throw error;
    return { cluster, ctx: null, error: error.toData() };
  }
}
