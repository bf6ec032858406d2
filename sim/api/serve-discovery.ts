import type { ResourceRegistry, ResourceType } from "../store/resource-registry";
import { apiVersionOf, verbsOf } from "../store/resource-registry";

// Legacy discovery (APIVersions, APIGroupList, APIResourceList) and aggregated discovery
// (apidiscovery.k8s.io v2 / v2beta1 APIGroupDiscoveryList), both built from the registry.

function sortedGroups(registry: ResourceRegistry): [string, string[]][] {
  const order = ["", "apiregistration.k8s.io", "apps", "events.k8s.io", "authentication.k8s.io", "authorization.k8s.io", "autoscaling", "batch", "certificates.k8s.io", "networking.k8s.io", "policy", "rbac.authorization.k8s.io", "storage.k8s.io", "admissionregistration.k8s.io", "apiextensions.k8s.io", "scheduling.k8s.io", "coordination.k8s.io", "node.k8s.io", "discovery.k8s.io", "flowcontrol.apiserver.k8s.io"];
  const rank = (g: string): number => (order.includes(g) ? order.indexOf(g) : order.length);
  return [...registry.groups().entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]));
}

/** GET /api (legacy). */
export function apiVersions(serverAddress: string): unknown {
  return { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress }] };
}

/** GET /apis (legacy). */
export function apiGroupList(registry: ResourceRegistry): unknown {
  const groups = sortedGroups(registry).filter(([g]) => g !== "").map(([name, versions]) => ({
    name,
    versions: versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v })),
    preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
  }));
  return { kind: "APIGroupList", apiVersion: "v1", groups };
}

/** GET /apis/<group> (legacy single group). */
export function apiGroup(registry: ResourceRegistry, group: string): unknown {
  const versions = registry.groups().get(group);
  if (!versions) return undefined;
  return { kind: "APIGroup", apiVersion: "v1", name: group, versions: versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v })), preferredVersion: { groupVersion: `${group}/${versions[0]}`, version: versions[0] } };
}

function typesOf(registry: ResourceRegistry, group: string, version: string): ResourceType[] {
  return registry.all().filter((t) => t.group === group && t.version === version).sort((a, b) => a.plural.localeCompare(b.plural));
}

function subVerbs(sub: string): string[] {
  if (sub === "log" || sub === "proxy") return ["get"];
  if (sub === "binding" || sub === "eviction" || sub === "token") return ["create"];
  if (sub === "exec" || sub === "attach" || sub === "portforward") return ["create", "get"];
  return ["get", "patch", "update"];
}

function subKind(t: ResourceType, sub: string): { group: string; version: string; kind: string } {
  if (sub === "scale") return { group: "autoscaling", version: "v1", kind: "Scale" };
  if (sub === "eviction") return { group: "policy", version: "v1", kind: "Eviction" };
  if (sub === "token") return { group: "authentication.k8s.io", version: "v1", kind: "TokenRequest" };
  if (sub === "binding") return { group: "", version: "v1", kind: "Binding" };
  if (sub === "exec" || sub === "attach" || sub === "portforward") return { group: "", version: "v1", kind: { exec: "PodExecOptions", attach: "PodAttachOptions", portforward: "PodPortForwardOptions" }[sub] };
  if (sub === "log" || sub === "proxy") return { group: "", version: "v1", kind: sub === "log" ? "Pod" : t.kind };
  return { group: t.group, version: t.version, kind: t.kind };
}

/** GET /api/v1 or /apis/<g>/<v> (legacy APIResourceList); undefined if not served. */
export function apiResourceList(registry: ResourceRegistry, group: string, version: string): unknown {
  const types = typesOf(registry, group, version);
  if (types.length === 0) return undefined;
  const resources: unknown[] = [];
  for (const t of types) {
    resources.push({ name: t.plural, singularName: t.singular, namespaced: t.namespaced, kind: t.kind, verbs: verbsOf(t), ...(t.shortNames ? { shortNames: t.shortNames } : {}), ...(t.categories ? { categories: t.categories } : {}) });
    for (const s of t.subresources ?? []) {
      const k = subKind(t, s);
      resources.push({ name: `${t.plural}/${s}`, singularName: "", namespaced: t.namespaced, ...(k.group ? { group: k.group, version: k.version } : {}), kind: k.kind, verbs: subVerbs(s) });
    }
  }
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion: apiVersionOf({ group, version }), resources };
}

/** Aggregated discovery document for /api (core) or /apis (all named groups). */
export function aggregatedDiscovery(registry: ResourceRegistry, core: boolean, apiVersion: "v2" | "v2beta1"): unknown {
  const items = sortedGroups(registry)
    .filter(([g]) => (core ? g === "" : g !== ""))
    .map(([group, versions]) => ({
      metadata: { name: group, creationTimestamp: null },
      versions: versions.map((version) => ({
        version,
        freshness: "Current",
        resources: typesOf(registry, group, version).map((t) => ({
          resource: t.plural,
          responseKind: { group: t.group, version: t.version, kind: t.kind },
          scope: t.namespaced ? "Namespaced" : "Cluster",
          singularResource: t.singular,
          verbs: verbsOf(t),
          ...(t.shortNames ? { shortNames: t.shortNames } : {}),
          ...(t.categories ? { categories: t.categories } : {}),
          ...(t.subresources?.length
            ? { subresources: t.subresources.map((s) => ({ subresource: s, responseKind: subKind(t, s), verbs: subVerbs(s) })) }
            : {}),
        })),
      })),
    }));
  return { kind: "APIGroupDiscoveryList", apiVersion: `apidiscovery.k8s.io/${apiVersion}`, metadata: {}, items };
}
