// The Kubernetes resources the cluster explorer shows: their kind, API group/version and
// scope, and the apiserver paths to reach them. Pure and browser-safe.

export const EXPLORER_RESOURCES = [
  "nodes",
  "pods",
  "deployments",
  "replicasets",
  "daemonsets",
  "statefulsets",
  "jobs",
  "services",
  "events",
  "namespaces",
  "configmaps",
  "secrets",
] as const;

export type TExplorerResource = (typeof EXPLORER_RESOURCES)[number];

export interface ResourceInfo {
  kind: string;
  /** "" for the core group. */
  group: string;
  version: string;
  namespaced: boolean;
}

export const RESOURCE_INFO: Readonly<Record<TExplorerResource, ResourceInfo>> = {
  nodes: { kind: "Node", group: "", version: "v1", namespaced: false },
  pods: { kind: "Pod", group: "", version: "v1", namespaced: true },
  deployments: { kind: "Deployment", group: "apps", version: "v1", namespaced: true },
  replicasets: { kind: "ReplicaSet", group: "apps", version: "v1", namespaced: true },
  daemonsets: { kind: "DaemonSet", group: "apps", version: "v1", namespaced: true },
  statefulsets: { kind: "StatefulSet", group: "apps", version: "v1", namespaced: true },
  jobs: { kind: "Job", group: "batch", version: "v1", namespaced: true },
  services: { kind: "Service", group: "", version: "v1", namespaced: true },
  events: { kind: "Event", group: "", version: "v1", namespaced: true },
  namespaces: { kind: "Namespace", group: "", version: "v1", namespaced: false },
  configmaps: { kind: "ConfigMap", group: "", version: "v1", namespaced: true },
  secrets: { kind: "Secret", group: "", version: "v1", namespaced: true },
};

/** The resource (plural) of a kind as found in ownerReferences / involvedObject, if the explorer shows it. */
export function resourceOfKind(kind: string | undefined): TExplorerResource | undefined {
  return EXPLORER_RESOURCES.find((r) => RESOURCE_INFO[r].kind === kind);
}

/**
 * The apiserver path of a resource collection or object:
 * `/api/v1/namespaces/ns/pods/name/log`, `/apis/apps/v1/deployments`, `/api/v1/nodes/n`.
 * A namespaced resource without a namespace is the all-namespaces collection.
 */
export function resourcePath(resource: TExplorerResource, at: { namespace?: string; name?: string; subresource?: string } = {}): string {
  const info = RESOURCE_INFO[resource];
  const base = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
  const ns = info.namespaced && at.namespace ? `/namespaces/${encodeURIComponent(at.namespace)}` : "";
  const name = at.name ? `/${encodeURIComponent(at.name)}` : "";
  const sub = at.name && at.subresource ? `/${at.subresource}` : "";
  return `${base}${ns}/${resource}${name}${sub}`;
}
