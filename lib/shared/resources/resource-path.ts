// Apiserver and console paths of any discovered resource. Pure and browser-safe.
import { CORE_GROUP_SEGMENT } from "./resources.schema";

/** What names a resource: its API group ("" = core), version and plural. */
export interface TResourceRef {
  group: string;
  version: string;
  resource: string;
}

/** `apiVersion` of a group/version (`v1`, `apps/v1`). */
export function apiVersionOf(ref: Pick<TResourceRef, "group" | "version">): string {
  return ref.group ? `${ref.group}/${ref.version}` : ref.version;
}

/** Splits an `apiVersion` into group and version. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? { group: "", version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/**
 * The apiserver path of a collection or object: `/api/v1/namespaces/ns/pods/name`,
 * `/apis/helm.cattle.io/v1/helmcharts`. No namespace = all namespaces (or cluster-scoped).
 */
export function kubeApiPath(ref: TResourceRef, at: { namespace?: string; name?: string } = {}): string {
  const base = ref.group ? `/apis/${ref.group}/${ref.version}` : `/api/${ref.version}`;
  const ns = at.namespace ? `/namespaces/${encodeURIComponent(at.namespace)}` : "";
  const name = at.name ? `/${encodeURIComponent(at.name)}` : "";
  return `${base}${ns}/${ref.resource}${name}`;
}

/** The URL segment of a group (`core` for the legacy group). */
export function groupSegment(group: string): string {
  return group || CORE_GROUP_SEGMENT;
}

/** The console page of a resource list or one object: `/clusters/{id}/resources/{group}/{version}/{resource}[/{ns}]/{name}`. */
export function resourcePageHref(clusterId: string, ref: TResourceRef, at: { namespace?: string; name?: string } = {}): string {
  const base = `/clusters/${encodeURIComponent(clusterId)}/resources/${groupSegment(ref.group)}/${ref.version}/${ref.resource}`;
  if (!at.name) return base;
  return at.namespace ? `${base}/${encodeURIComponent(at.namespace)}/${encodeURIComponent(at.name)}` : `${base}/${encodeURIComponent(at.name)}`;
}

/** The automation API path of a resource list or object. */
export function resourceApiHref(clusterId: string, ref: TResourceRef, at: { namespace?: string; name?: string } = {}): string {
  return `/api/v1${resourcePageHref(clusterId, ref, at)}`;
}
