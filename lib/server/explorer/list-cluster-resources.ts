import "server-only";
import { rowOf } from "@/lib/shared/explorer/resource-rows";
import { RESOURCE_INFO, type TExplorerResource } from "@/lib/shared/explorer/resources";
import type { TKubeList, TKubeObject, TListQuery } from "@/lib/shared/explorer/explorer.schema";
import type { Principal } from "../auth/principal";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { KubeError } from "../k8s/kube-error";
import { identityOf } from "../k8s/kube-identity";
import { informerKeyFor } from "./informer-key";
import { hadListAccess, probeListAccess } from "./probe-list-access";
import { toClusterRef } from "./to-cluster-ref";
import { readInformer } from "./watch-hub";

/** How long a read waits for an informer's immediate retry before answering with its error. */
const RETRY_WAIT_MS = 5_000;

function waitAtMost(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}

function toItems(resource: TExplorerResource, objects: TKubeObject[], now: number): TKubeList["items"] {
  return objects.map((object) => ({ ...rowOf(resource, object, now), object }) as TKubeList["items"][number]);
}

/**
 * A resource list of one cluster with kubectl's columns, as the user may see it: served
 * from the list's shared informer (one upstream list + watch, reused by every viewer and
 * request), after checking the user's own access as the user (impersonated `limit=1`).
 * Cluster failures come back as `error` — with the last known items, marked stale, when
 * the informer has them and the user's access was confirmed recently — never thrown.
 */
export async function listClusterResources(principal: Principal, clusterId: string, resource: TExplorerResource, query: TListQuery): Promise<TKubeList> {
  const cluster = await getClusterOrThrow(clusterId);
  const namespace = RESOURCE_INFO[resource].namespaced ? (query.namespace ?? "") : "";
  const labelSelector = query.labelSelector?.trim() ?? "";
  const key = informerKeyFor(principal, clusterId, resource, namespace, labelSelector);
  const identity = identityOf(principal)!;
  const base = { cluster: toClusterRef(cluster), resource, namespace: namespace || null, labelSelector: labelSelector || null };
  const [informer, refusal] = await Promise.all([
    readInformer(key),
    probeListAccess(clusterId, identity, resource, namespace).then(
      () => null,
      (error: unknown) => {
        if (error instanceof KubeError) return error;
        throw error;
      },
    ),
  ]);
  const now = Date.now();
  if (refusal) {
    // Only a cluster that cannot be reached keeps showing what we knew; a refusal shows nothing.
    const unreachable = refusal.code === "unavailable" || refusal.code === "upstream_timeout";
    const known = unreachable && informer.synced && hadListAccess(clusterId, identity, resource, namespace);
    const items = known ? toItems(resource, informer.snapshot(), now) : [];
    return { ...base, resourceVersion: null, items, error: refusal.toData(), stale: items.length > 0 };
  }
  // The user's probe reached the cluster, so a list that failed earlier (the cluster was
  // Pending, or its link dropped) is tried again now rather than after its backoff.
  if (!informer.synced) await waitAtMost(informer.retryNow(), RETRY_WAIT_MS);
  if (!informer.synced) {
    const error = informer.error ?? { code: "unavailable" as const, status: 503, reason: "NotSynced", message: "The list could not be read from the cluster" };
    return { ...base, resourceVersion: null, items: [], error, stale: false };
  }
  return {
    ...base,
    resourceVersion: informer.resourceVersion,
    items: toItems(resource, informer.snapshot(), now),
    error: informer.live ? null : informer.error,
    stale: !informer.live,
  };
}
