// How the console groups and finds a cluster's resources: pure functions over discovery
// (no per-kind pages). Built-in kinds fall into the sections operators think in; every
// other group is "custom resources", one section per API group.
import type { TApiResource } from "./resources.schema";

export const NAV_SECTIONS = ["workloads", "serviceDiscovery", "storage", "configuration", "accessControl", "cluster"] as const;
export type TNavSection = (typeof NAV_SECTIONS)[number];

/** Built-in resources by "group/resource" (group "" = core). Anything else is custom (by API group). */
const SECTION_OF: Readonly<Record<string, TNavSection>> = {
  "/pods": "workloads",
  "apps/deployments": "workloads",
  "apps/replicasets": "workloads",
  "apps/statefulsets": "workloads",
  "apps/daemonsets": "workloads",
  "batch/jobs": "workloads",
  "batch/cronjobs": "workloads",
  "/replicationcontrollers": "workloads",
  "apps/controllerrevisions": "workloads",
  "/podtemplates": "workloads",
  "autoscaling/horizontalpodautoscalers": "workloads",
  "policy/poddisruptionbudgets": "workloads",
  "/services": "serviceDiscovery",
  "/endpoints": "serviceDiscovery",
  "discovery.k8s.io/endpointslices": "serviceDiscovery",
  "networking.k8s.io/ingresses": "serviceDiscovery",
  "networking.k8s.io/ingressclasses": "serviceDiscovery",
  "networking.k8s.io/networkpolicies": "serviceDiscovery",
  "networking.k8s.io/ipaddresses": "serviceDiscovery",
  "networking.k8s.io/servicecidrs": "serviceDiscovery",
  "/persistentvolumeclaims": "storage",
  "/persistentvolumes": "storage",
  "storage.k8s.io/storageclasses": "storage",
  "storage.k8s.io/volumeattachments": "storage",
  "storage.k8s.io/csidrivers": "storage",
  "storage.k8s.io/csinodes": "storage",
  "storage.k8s.io/csistoragecapacities": "storage",
  "storage.k8s.io/volumeattributesclasses": "storage",
  "/configmaps": "configuration",
  "/secrets": "configuration",
  "/resourcequotas": "configuration",
  "/limitranges": "configuration",
  "admissionregistration.k8s.io/mutatingwebhookconfigurations": "configuration",
  "admissionregistration.k8s.io/validatingwebhookconfigurations": "configuration",
  "admissionregistration.k8s.io/validatingadmissionpolicies": "configuration",
  "admissionregistration.k8s.io/validatingadmissionpolicybindings": "configuration",
  "scheduling.k8s.io/priorityclasses": "configuration",
  "node.k8s.io/runtimeclasses": "configuration",
  "/serviceaccounts": "accessControl",
  "rbac.authorization.k8s.io/roles": "accessControl",
  "rbac.authorization.k8s.io/rolebindings": "accessControl",
  "rbac.authorization.k8s.io/clusterroles": "accessControl",
  "rbac.authorization.k8s.io/clusterrolebindings": "accessControl",
  "certificates.k8s.io/certificatesigningrequests": "accessControl",
  "/nodes": "cluster",
  "/namespaces": "cluster",
  "/events": "cluster",
  "coordination.k8s.io/leases": "cluster",
  "apiextensions.k8s.io/customresourcedefinitions": "cluster",
  "apiregistration.k8s.io/apiservices": "cluster",
  "flowcontrol.apiserver.k8s.io/flowschemas": "cluster",
  "flowcontrol.apiserver.k8s.io/prioritylevelconfigurations": "cluster",
  "/componentstatuses": "cluster",
};

/** Groups served by Kubernetes itself whose other resources are not shown in the navigation (reviews, tokens, bindings). */
const BUILT_IN_GROUPS = new Set(["", "apps", "batch", "autoscaling", "policy", "discovery.k8s.io", "networking.k8s.io", "storage.k8s.io", "admissionregistration.k8s.io", "scheduling.k8s.io", "node.k8s.io", "rbac.authorization.k8s.io", "certificates.k8s.io", "coordination.k8s.io", "apiextensions.k8s.io", "apiregistration.k8s.io", "flowcontrol.apiserver.k8s.io", "events.k8s.io", "authentication.k8s.io", "authorization.k8s.io", "resource.k8s.io", "storagemigration.k8s.io", "internal.apiserver.k8s.io"]);

/** The section of a built-in resource, or null for a custom (or aggregated) one. */
export function sectionOf(r: Pick<TApiResource, "group" | "resource">): TNavSection | null {
  return SECTION_OF[`${r.group}/${r.resource}`] ?? null;
}

/** One listable resource per group/resource (the preferred version), as the navigation shows it. */
export function listableResources(resources: readonly TApiResource[]): TApiResource[] {
  return resources.filter((r) => r.preferred && r.verbs.includes("list"));
}

export interface TNavigation {
  sections: Array<{ section: TNavSection; resources: TApiResource[] }>;
  /** Custom and aggregated resources, one entry per API group, groups sorted by name. */
  custom: Array<{ group: string; resources: TApiResource[] }>;
}

/** The navigation of a cluster: built-in sections in a fixed order, then custom resources by API group. */
export function buildNavigation(resources: readonly TApiResource[]): TNavigation {
  const byKind = (a: TApiResource, b: TApiResource) => a.kind.localeCompare(b.kind);
  const sections = NAV_SECTIONS.map((section) => ({ section, resources: [] as TApiResource[] }));
  const custom = new Map<string, TApiResource[]>();
  for (const r of listableResources(resources)) {
    const section = sectionOf(r);
    if (section) sections.find((s) => s.section === section)!.resources.push(r);
    else if (!BUILT_IN_GROUPS.has(r.group)) custom.set(r.group, [...(custom.get(r.group) ?? []), r]);
  }
  return {
    sections: sections.filter((s) => s.resources.length > 0).map((s) => ({ ...s, resources: s.resources.sort(byKind) })),
    custom: [...custom.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([group, list]) => ({ group, resources: list.sort(byKind) })),
  };
}

/**
 * Quick-jump (k9s's `:`): the listable resources whose names start with, or contain, what
 * was typed — plural, singular, kind, short names, `plural.group` — best first: an exact
 * short name or plural, then prefixes, then substrings; built-ins before custom on a tie.
 */
export function quickJump(resources: readonly TApiResource[], typed: string, max = 12): TApiResource[] {
  const q = typed.trim().toLowerCase();
  if (!q) return [];
  const scored: Array<{ r: TApiResource; score: number }> = [];
  for (const r of listableResources(resources)) {
    const names = [r.resource, r.singular, r.kind.toLowerCase(), ...r.shortNames, r.group ? `${r.resource}.${r.group}` : r.resource];
    let score = 0;
    if (names.some((n) => n === q)) score = 4;
    else if (names.some((n) => n.startsWith(q))) score = 3;
    else if (names.some((n) => n.includes(q))) score = 2;
    else if (r.group.includes(q)) score = 1;
    if (score > 0) scored.push({ r, score: score + (sectionOf(r) ? 0.5 : 0) });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.r.resource.length - b.r.resource.length || a.r.resource.localeCompare(b.r.resource))
    .slice(0, max)
    .map((s) => s.r);
}
