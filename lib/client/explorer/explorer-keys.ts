import type { TExplorerResource } from "@/lib/shared/explorer/resources";

/** Query keys of the explorer, cluster first (STYLE.md §8): `['k8s', clusterId, kind, ns, params]`. */
export const explorerKeys = {
  cluster: (clusterId: string) => ["k8s", clusterId] as const,
  list: (clusterId: string, resource: TExplorerResource, namespace: string, params: { labelSelector: string }) => ["k8s", clusterId, resource, namespace, params] as const,
  detail: (clusterId: string, resource: TExplorerResource, namespace: string, name: string) => ["k8s", clusterId, resource, namespace, { name }] as const,
  overview: (clusterId: string) => ["k8s", clusterId, "overview"] as const,
};

/** API URL of a list. */
export function listUrl(clusterId: string, resource: TExplorerResource, namespace: string, labelSelector: string): string {
  const qs = new URLSearchParams();
  if (namespace) qs.set("namespace", namespace);
  if (labelSelector) qs.set("labelSelector", labelSelector);
  const q = qs.toString();
  return `/api/v1/clusters/${encodeURIComponent(clusterId)}/${resource}${q ? `?${q}` : ""}`;
}

/** API URL of one object (namespace "" for cluster-scoped kinds). */
export function objectUrl(clusterId: string, resource: TExplorerResource, namespace: string, name: string, suffix = ""): string {
  const ns = namespace ? `/${encodeURIComponent(namespace)}` : "";
  return `/api/v1/clusters/${encodeURIComponent(clusterId)}/${resource}${ns}/${encodeURIComponent(name)}${suffix}`;
}

/** Console page of one object. */
export function objectPageHref(clusterId: string, resource: TExplorerResource, namespace: string | null | undefined, name: string): string {
  const ns = namespace ? `/${encodeURIComponent(namespace)}` : "";
  return `/clusters/${encodeURIComponent(clusterId)}/${resource}${ns}/${encodeURIComponent(name)}`;
}
