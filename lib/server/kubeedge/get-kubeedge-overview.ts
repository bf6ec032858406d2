import "server-only";
import type { TKubeEdgeOverview } from "@/lib/shared/kubeedge/kubeedge.schema";
import type { TClusterError } from "@/lib/shared/explorer/explorer.schema";
import type { Principal } from "../auth/principal";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { KubeError } from "../k8s/kube-error";
import { identityOf } from "../k8s/kube-identity";
import { detectDeviceApiVersion } from "./detect-device-api";
import { listEdgeNodes } from "./list-edge-nodes";
import { listKubeEdgeDevices } from "./list-kubeedge-devices";

async function asData<T>(work: Promise<T>): Promise<{ value: T; error: null } | { value: null; error: TClusterError }> {
  try {
    return { value: await work, error: null };
  } catch (error) {
    if (error instanceof KubeError) return { value: null, error: error.toData() };
    throw error;
  }
}

/**
 * `GET /api/v1/clusters/{id}/kubeedge`: edge nodes, and Device/DeviceModel resources with
 * twins and drift — read as the signed-in user (impersonated, like the explorer), nodes
 * and devices in parallel, each part's failure as data.
 */
export async function getKubeEdgeOverview(principal: Principal, clusterId: string): Promise<TKubeEdgeOverview> {
  const cluster = await getClusterOrThrow(clusterId);
  const identity = identityOf(principal);
  const [nodes, devices] = await Promise.all([
    asData(listEdgeNodes(cluster.id, identity)),
    asData(
      detectDeviceApiVersion(cluster.id, identity).then(async (version) =>
        version ? { version, ...(await listKubeEdgeDevices(cluster.id, identity, version)) } : { version: null, devices: [], models: [] },
      ),
    ),
  ]);
  return {
    nodes: nodes.value ?? [],
    nodesError: nodes.error,
    apiVersion: devices.value?.version ?? null,
    devices: devices.value?.devices ?? [],
    models: devices.value?.models ?? [],
    devicesError: devices.error,
  };
}
