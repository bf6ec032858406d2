import "server-only";
import type { TApiResource } from "@/lib/shared/resources/resources.schema";
import { apiVersionOf, type TResourceRef } from "@/lib/shared/resources/resource-path";
import { ApiError } from "../http/api-error";
import { getApiResources } from "./discovery-cache";

/**
 * The discovered resource `ref` names in `clusterId`, or 404 `not_found` saying the
 * cluster does not serve it (so a typo never reaches the cluster as an odd path).
 */
export async function findApiResource(clusterId: string, ref: TResourceRef): Promise<TApiResource> {
  const resources = await getApiResources(clusterId);
  const found = resources.find((r) => r.group === ref.group && r.version === ref.version && r.resource === ref.resource);
  if (!found) throw new ApiError("not_found", `The cluster does not serve ${ref.resource} in ${apiVersionOf(ref)}`);
  return found;
}

/** The served resource of a kind in an apiVersion (owner references, events' involvedObject). */
export async function findResourceOfKind(clusterId: string, apiVersion: string, kind: string): Promise<TApiResource | undefined> {
  const resources = await getApiResources(clusterId);
  return resources.find((r) => apiVersionOf(r) === apiVersion && r.kind === kind) ?? resources.find((r) => r.kind === kind && r.preferred);
}

/** The cluster's resources, or none when discovery cannot be read (relations are best effort). */
export async function getApiResourcesOrEmpty(clusterId: string): Promise<TApiResource[]> {
  return getApiResources(clusterId).catch(() => []);
}
