import "server-only";
import { slimMetadata } from "@/lib/shared/explorer/slim-object";
import type { TResourceListQuery, TResourceParams, TResourceTable } from "@/lib/shared/resources/resources.schema";
import { kubeApiPath } from "@/lib/shared/resources/resource-path";
import type { Principal } from "../auth/principal";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { ApiError } from "../http/api-error";
import { identityOf } from "../k8s/kube-identity";
import { listKubeTable } from "../k8s/list-kube-table";
import { findApiResource } from "./find-api-resource";

/** Rows per page when the caller gives no limit (kubectl's chunk size). */
export const DEFAULT_PAGE_SIZE = 500;

/**
 * One page of any resource's list as the apiserver's Table (kubectl's columns, a CRD's
 * printer columns), read as the user (impersonated), so the cluster's RBAC decides and a
 * refusal is its own Forbidden message. Rows carry PartialObjectMetadata without
 * managedFields and kubectl's last-applied copy (which holds a Secret's values).
 */
export async function listResourceTable(principal: Principal, params: TResourceParams, query: TResourceListQuery): Promise<TResourceTable> {
  await getClusterOrThrow(params.id);
  const resource = await findApiResource(params.id, params);
  if (!resource.verbs.includes("list")) throw new ApiError("method_not_allowed", `${resource.resource} cannot be listed`);
  const namespace = resource.namespaced ? query.namespace || undefined : undefined;
  const table = await listKubeTable(params.id, identityOf(principal), kubeApiPath(resource, { namespace }), {
    labelSelector: query.labelSelector?.trim() || undefined,
    fieldSelector: query.fieldSelector?.trim() || undefined,
    limit: query.limit ?? DEFAULT_PAGE_SIZE,
    continue: query.continue || undefined,
  });
  for (const row of table.rows) {
    if (row.object?.metadata) row.object.metadata = slimMetadata(row.object.metadata as Record<string, unknown>) as typeof row.object.metadata;
  }
  return table;
}
