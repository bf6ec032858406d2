import "server-only";
import { KubeError } from "./kube-error";
import type { KubeIdentity } from "./kube-identity";
import { kubeJson } from "./kube-request";

/** Where objects of one kind live: `/api/v1` or `/apis/<group>/<version>`, plural, scope. */
export interface ApiResource {
  groupVersionPath: string;
  plural: string;
  namespaced: boolean;
}

interface APIResourceList {
  resources?: Array<{ name: string; kind: string; namespaced: boolean }>;
}

/** Discovery documents already read during one operation (by group/version path). */
export type ApiDiscoveryCache = Map<string, APIResourceList>;

/** The REST path of one object (or of the collection when `name` is omitted). */
export function apiObjectPath(resource: ApiResource, namespace: string | null, name?: string): string {
  const scope = resource.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : "";
  return `${resource.groupVersionPath}${scope}/${resource.plural}${name ? `/${encodeURIComponent(name)}` : ""}`;
}

/**
 * Finds the resource serving `kind` in `apiVersion` from the cluster's discovery document
 * for that group/version (CRDs included). A kind the cluster does not serve → KubeError 404
 * with kubectl's wording.
 */
export async function resolveApiResource(clusterId: string, identity: KubeIdentity, apiVersion: string, kind: string, cache: ApiDiscoveryCache = new Map()): Promise<ApiResource> {
  const groupVersionPath = apiVersion.includes("/") ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  if (!/^\/apis?\/[A-Za-z0-9.-]+(\/[A-Za-z0-9.-]+)?$/.test(groupVersionPath)) {
    throw new KubeError(clusterId, "bad_request", 400, "BadRequest", `apiVersion "${apiVersion}" is not valid`);
  }
  let list = cache.get(groupVersionPath);
  if (!list) {
    try {
      list = await kubeJson<APIResourceList>(clusterId, identity, { path: groupVersionPath });
    } catch (error) {
      if (error instanceof KubeError && error.kubeStatus === 404) list = { resources: [] };
      else throw error;
    }
    cache.set(groupVersionPath, list);
  }
  const found = list.resources?.find((r) => r.kind === kind && !r.name.includes("/"));
  if (!found) throw new KubeError(clusterId, "not_found", 404, "NotFound", `no matches for kind "${kind}" in version "${apiVersion}"`, { source: "cluster" });
  return { groupVersionPath, plural: found.name, namespaced: found.namespaced };
}
