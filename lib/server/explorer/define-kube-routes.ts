import "server-only";
import { RESOURCE_INFO, type TExplorerResource } from "@/lib/shared/explorer/resources";
import { ZClusterObjectParamsSchema, ZClusterParamsSchema, ZListQuerySchema, ZNamespacedObjectParamsSchema } from "@/lib/shared/explorer/explorer.schema";
import { defineRoute } from "../http/define-route";
import { getResourceDetail } from "./get-resource-detail";
import { listClusterResources } from "./list-cluster-resources";

/** `GET /api/v1/clusters/{id}/<resource>?namespace=&labelSelector=` for one explorer resource. */
export function kubeListRoute(resource: TExplorerResource) {
  return defineRoute({ access: "clusters:read", params: ZClusterParamsSchema, query: ZListQuerySchema }, ({ principal, params, query }) =>
    listClusterResources(principal, params.id, resource, query),
  );
}

/** `GET /api/v1/clusters/{id}/<resource>/{namespace}/{name}` (namespaced) for one explorer resource. */
export function kubeNamespacedDetailRoute(resource: TExplorerResource) {
  if (!RESOURCE_INFO[resource].namespaced) throw new Error(`${resource} is cluster-scoped`);
  return defineRoute({ access: "clusters:read", params: ZNamespacedObjectParamsSchema }, ({ principal, params }) =>
    getResourceDetail(principal, params.id, resource, params.namespace, params.name),
  );
}

/** `GET /api/v1/clusters/{id}/<resource>/{name}` for a cluster-scoped explorer resource. */
export function kubeClusterDetailRoute(resource: TExplorerResource) {
  if (RESOURCE_INFO[resource].namespaced) throw new Error(`${resource} is namespaced`);
  return defineRoute({ access: "clusters:read", params: ZClusterObjectParamsSchema }, ({ principal, params }) =>
    getResourceDetail(principal, params.id, resource, undefined, params.name),
  );
}
