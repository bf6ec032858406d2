import "server-only";
import type { TApiResource } from "@/lib/shared/resources/resources.schema";
import { kubeJson } from "./kube-request";
import type { KubeIdentity } from "./kube-identity";
import { KubeError } from "./kube-error";

/** Aggregated discovery, v2 preferred (kube-apiserver ≥ 1.30 serves it; k3s v1.31 does). */
const AGGREGATED_ACCEPT = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";

interface DiscoveryResource {
  resource?: string;
  responseKind?: { kind?: string };
  scope?: string;
  singularResource?: string;
  verbs?: string[];
  shortNames?: string[];
  categories?: string[];
}

interface DiscoveryList {
  kind?: string;
  items?: Array<{ metadata?: { name?: string }; versions?: Array<{ version?: string; resources?: DiscoveryResource[] }> }>;
}

function parse(clusterId: string, list: DiscoveryList, core: boolean): TApiResource[] {
  if (list.kind !== "APIGroupDiscoveryList") {
    throw new KubeError(clusterId, "unavailable", 502, "NoAggregatedDiscovery", "The cluster does not serve aggregated discovery (Kubernetes 1.30 or newer is required)");
  }
  const out: TApiResource[] = [];
  for (const item of list.items ?? []) {
    const group = core ? "" : (item.metadata?.name ?? "");
    const versions = (item.versions ?? []).map((v) => v.version ?? "").filter(Boolean);
    (item.versions ?? []).forEach((v, index) => {
      for (const r of v.resources ?? []) {
        if (!r.resource || !r.responseKind?.kind) continue;
        out.push({
          group,
          version: v.version ?? "",
          resource: r.resource,
          kind: r.responseKind.kind,
          singular: r.singularResource ?? "",
          namespaced: r.scope === "Namespaced",
          verbs: r.verbs ?? [],
          shortNames: r.shortNames ?? [],
          categories: r.categories ?? [],
          preferred: index === 0,
          otherVersions: versions.filter((other) => other !== v.version && (item.versions ?? []).some((x) => x.version === other && (x.resources ?? []).some((y) => y.resource === r.resource))),
        });
      }
    });
  }
  return out;
}

/**
 * Every resource a cluster serves, from its aggregated discovery (`/api` and `/apis`, two
 * calls), built-in and custom alike; subresources are left out. Throws KubeError.
 */
export async function readApiDiscovery(clusterId: string, identity: KubeIdentity, signal?: AbortSignal): Promise<TApiResource[]> {
  const [core, named] = await Promise.all([
    kubeJson<DiscoveryList>(clusterId, identity, { path: "/api", accept: AGGREGATED_ACCEPT, signal }),
    kubeJson<DiscoveryList>(clusterId, identity, { path: "/apis", accept: AGGREGATED_ACCEPT, signal }),
  ]);
  return [...parse(clusterId, core, true), ...parse(clusterId, named, false)];
}
