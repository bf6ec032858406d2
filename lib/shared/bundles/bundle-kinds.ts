// The kinds a bundle may carry. The same table grants the fleet identity its rights on
// each cluster (lib/shared/enrollment/agent-rbac.ts), so a kind outside it is refused by
// the console with a clear message instead of by every cluster's RBAC. No RBAC objects,
// no CRDs, no Secrets (a bundle's YAML is stored as text): see docs/BUNDLES.md.

export interface TBundleKind {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  /** Has pods whose health gates a wave. */
  workload?: "Deployment" | "StatefulSet" | "DaemonSet";
}

export const BUNDLE_KINDS: readonly TBundleKind[] = [
  { group: "", version: "v1", kind: "Namespace", plural: "namespaces", namespaced: false },
  { group: "", version: "v1", kind: "ConfigMap", plural: "configmaps", namespaced: true },
  { group: "", version: "v1", kind: "Service", plural: "services", namespaced: true },
  { group: "", version: "v1", kind: "ServiceAccount", plural: "serviceaccounts", namespaced: true },
  { group: "apps", version: "v1", kind: "Deployment", plural: "deployments", namespaced: true, workload: "Deployment" },
  { group: "apps", version: "v1", kind: "StatefulSet", plural: "statefulsets", namespaced: true, workload: "StatefulSet" },
  { group: "apps", version: "v1", kind: "DaemonSet", plural: "daemonsets", namespaced: true, workload: "DaemonSet" },
  { group: "batch", version: "v1", kind: "Job", plural: "jobs", namespaced: true },
  { group: "batch", version: "v1", kind: "CronJob", plural: "cronjobs", namespaced: true },
  { group: "networking.k8s.io", version: "v1", kind: "Ingress", plural: "ingresses", namespaced: true },
  { group: "helm.cattle.io", version: "v1", kind: "HelmChart", plural: "helmcharts", namespaced: true },
  { group: "helm.cattle.io", version: "v1", kind: "HelmChartConfig", plural: "helmchartconfigs", namespaced: true },
];

/** The kind entry for an object's apiVersion and kind, if bundles may carry it. */
export function bundleKindOf(apiVersion: string, kind: string): TBundleKind | undefined {
  return BUNDLE_KINDS.find((k) => (k.group ? `${k.group}/${k.version}` : k.version) === apiVersion && k.kind === kind);
}

/** "apps/v1 Deployment, v1 ConfigMap, …" for error messages. */
export function supportedKindsText(): string {
  return BUNDLE_KINDS.map((k) => `${k.group ? `${k.group}/${k.version}` : k.version} ${k.kind}`).join(", ");
}

/** A reference to one object a bundle applied: `apiVersion|kind|namespace|name`. */
export type TObjectRef = string;

export function objectRef(apiVersion: string, kind: string, namespace: string | undefined, name: string): TObjectRef {
  return `${apiVersion}|${kind}|${namespace ?? ""}|${name}`;
}

export function parseObjectRef(ref: TObjectRef): { apiVersion: string; kind: string; namespace?: string; name: string } {
  const [apiVersion = "", kind = "", namespace = "", name = ""] = ref.split("|");
  return { apiVersion, kind, namespace: namespace || undefined, name };
}

/** The apiserver path of one object (or of its collection when name is omitted). */
export function bundleObjectPath(kind: TBundleKind, namespace: string | undefined, name?: string): string {
  const base = kind.group ? `/apis/${kind.group}/${kind.version}` : `/api/${kind.version}`;
  const ns = kind.namespaced ? `/namespaces/${encodeURIComponent(namespace ?? "default")}` : "";
  return `${base}${ns}/${kind.plural}${name ? `/${encodeURIComponent(name)}` : ""}`;
}
