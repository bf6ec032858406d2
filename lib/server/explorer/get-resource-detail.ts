import "server-only";
import { stringify } from "yaml";
import { redactSecretData } from "@/lib/shared/explorer/slim-object";
import { RESOURCE_INFO, type TExplorerResource } from "@/lib/shared/explorer/resources";
import type { TKubeDetail, TKubeObject } from "@/lib/shared/explorer/explorer.schema";
import type { Principal } from "../auth/principal";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { getKubeObject } from "../k8s/get-kube-object";
import { KubeError } from "../k8s/kube-error";
import { identityOf } from "../k8s/kube-identity";
import { listRelatedObjects, NO_RELATED } from "./list-related-objects";
import { toClusterRef } from "./to-cluster-ref";

/** The object as the detail view shows it: no managedFields (as `kubectl get -o yaml`), Secret values blanked. */
function forDisplay(resource: TExplorerResource, obj: TKubeObject): TKubeObject {
  const metadata = obj.metadata as Record<string, unknown> | undefined;
  const out = { ...obj, metadata: metadata ? Object.fromEntries(Object.entries(metadata).filter(([k]) => k !== "managedFields")) : metadata } as TKubeObject;
  return resource === "secrets" ? (redactSecretData(out) as TKubeObject) : out;
}

/**
 * One object of one cluster, read as the user: the object, its YAML, and related objects
 * (owner, node, events, ReplicaSets, pods). Cluster failures come back as `error`.
 * Secret values are never included (an admin reveals one key at a time, audited).
 */
export async function getResourceDetail(principal: Principal, clusterId: string, resource: TExplorerResource, namespace: string | undefined, name: string): Promise<TKubeDetail> {
  const cluster = await getClusterOrThrow(clusterId);
  const identity = identityOf(principal);
  const base = { cluster: toClusterRef(cluster), resource };
  try {
    const raw = await getKubeObject(clusterId, identity, resource, RESOURCE_INFO[resource].namespaced ? namespace : undefined, name);
    const object = forDisplay(resource, raw);
    const related = await listRelatedObjects(clusterId, identity, resource, object);
    return { ...base, object, yaml: stringify(object, { lineWidth: 0 }), related, error: null };
  } catch (error) {
    if (!(error instanceof KubeError)) throw error;
    return { ...base, object: null, yaml: null, related: NO_RELATED, error: error.toData() };
  }
}
