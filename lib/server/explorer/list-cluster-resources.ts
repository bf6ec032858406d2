import "server-only";
import { rowOf } from "@/lib/shared/explorer/resource-rows";
import { slimObject } from "@/lib/shared/explorer/slim-object";
import { RESOURCE_INFO, type TExplorerResource } from "@/lib/shared/explorer/resources";
import type { TKubeList, TKubeObject, TListQuery } from "@/lib/shared/explorer/explorer.schema";
import type { Principal } from "../auth/principal";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { KubeError } from "../k8s/kube-error";
import { identityOf } from "../k8s/kube-identity";
import { listKubeObjects } from "../k8s/list-kube-objects";
import type { InformerKey } from "./informer-key";
import { hadListAccess, markListAccess, probeListAccess } from "./probe-list-access";
import { toClusterRef } from "./to-cluster-ref";
import { peekInformer } from "./watch-hub";

function toItems(resource: TExplorerResource, objects: TKubeObject[], now: number): TKubeList["items"] {
  return objects.map((object) => ({ ...rowOf(resource, object, now), object }) as TKubeList["items"][number]);
}

/**
 * A resource list of one cluster with kubectl's columns, as the user may see it. Served
 * from the shared watch cache when viewers keep one warm (after an impersonated access
 * check), else listed from the cluster with impersonation. Cluster failures come back as
 * `error` (with the last known items, marked stale, when a cache has them) — never thrown.
 */
export async function listClusterResources(principal: Principal, clusterId: string, resource: TExplorerResource, query: TListQuery): Promise<TKubeList> {
  const cluster = await getClusterOrThrow(clusterId);
  const namespace = RESOURCE_INFO[resource].namespaced ? (query.namespace ?? "") : "";
  const labelSelector = query.labelSelector?.trim() ?? "";
  const key: InformerKey = { clusterId, resource, namespace, labelSelector };
  const identity = identityOf(principal)!;
  const base = { cluster: toClusterRef(cluster), resource, namespace: namespace || null, labelSelector: labelSelector || null };
  const informer = peekInformer(key);
  const now = Date.now();
  try {
    if (informer) {
      await probeListAccess(clusterId, identity, resource, namespace);
      const error = informer.live ? null : informer.error;
      return { ...base, resourceVersion: informer.resourceVersion, items: toItems(resource, informer.snapshot(), now), error, stale: !informer.live };
    }
    const list = await listKubeObjects(clusterId, identity, resource, { namespace: namespace || undefined, labelSelector: labelSelector || undefined });
    markListAccess(clusterId, identity, resource, namespace);
    const objects = list.items.map((item) => slimObject(resource, item));
    return { ...base, resourceVersion: list.resourceVersion, items: toItems(resource, objects, now), error: null, stale: false };
  } catch (error) {
    if (!(error instanceof KubeError)) throw error;
    // Only a cluster that cannot be reached keeps showing what we knew; a refusal shows nothing.
    const unreachable = error.code === "unavailable" || error.code === "upstream_timeout";
    const known = unreachable && informer && hadListAccess(clusterId, identity, resource, namespace);
    const items = known ? toItems(resource, informer.snapshot(), now) : [];
    return { ...base, resourceVersion: null, items, error: error.toData(), stale: items.length > 0 };
  }
}
