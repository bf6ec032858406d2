import "server-only";
import type { TApiResourceList } from "@/lib/shared/resources/resources.schema";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { toClusterRef } from "../explorer/to-cluster-ref";
import { KubeError } from "../k8s/kube-error";
import { getApiResources } from "./discovery-cache";

/**
 * What a cluster serves (group, version, resource, kind, scope, verbs; CRDs included),
 * from its cached aggregated discovery. A cluster that cannot be asked is `error`, not a throw.
 */
export async function listApiResources(clusterId: string): Promise<TApiResourceList> {
  const cluster = await getClusterOrThrow(clusterId);
  try {
    return { cluster: toClusterRef(cluster), resources: await getApiResources(clusterId), error: null };
  } catch (error) {
    if (!(error instanceof KubeError)) throw error;
    return { cluster: toClusterRef(cluster), resources: [], error: error.toData() };
  }
}
