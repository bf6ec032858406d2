import "server-only";
import { labelSelectorString } from "@/lib/shared/kube";
import type { TApiResource, TObjectLink } from "@/lib/shared/resources/resources.schema";
import { kubeApiPath, splitApiVersion } from "@/lib/shared/resources/resource-path";
import type { KubeIdentity } from "../k8s/kube-identity";
import { kubeJson } from "../k8s/kube-request";
import { listKubeTable } from "../k8s/list-kube-table";
import { findResourceOfKind, getApiResourcesOrEmpty } from "./find-api-resource";

type KubeObject = { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string; uid?: string; ownerReferences?: OwnerRef[] }; spec?: Record<string, unknown> };
type OwnerRef = { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean };

const MAX_OWNER_DEPTH = 5;
/** Kinds that are owned by other objects in practice (what `kubectl tree` finds most). */
const CHILD_KINDS: ReadonlyArray<{ group: string; version: string; resource: string }> = [
  { group: "apps", version: "v1", resource: "replicasets" },
  { group: "", version: "v1", resource: "pods" },
  { group: "batch", version: "v1", resource: "jobs" },
];

function linkOf(r: TApiResource | undefined, apiVersion: string, kind: string, namespace: string | null, name: string): TObjectLink {
  const gv = splitApiVersion(apiVersion);
  return { group: r?.group ?? gv.group, version: r?.version ?? gv.version, resource: r?.resource ?? null, kind, namespace: r && !r.namespaced ? null : namespace, name };
}

/** The owner chain, controller first: each owner read as the user to find its own owner. */
async function ownerChain(clusterId: string, identity: KubeIdentity, obj: KubeObject): Promise<TObjectLink[]> {
  const chain: TObjectLink[] = [];
  let current: KubeObject | undefined = obj;
  const namespace = obj.metadata?.namespace ?? null;
  while (current && chain.length < MAX_OWNER_DEPTH) {
    const refs: OwnerRef[] = current.metadata?.ownerReferences ?? [];
    const ref = refs.find((o) => o.controller) ?? refs[0];
    if (!ref) break;
    const r = await findResourceOfKind(clusterId, ref.apiVersion, ref.kind);
    const link = linkOf(r, ref.apiVersion, ref.kind, namespace, ref.name);
    chain.push(link);
    current = r ? await kubeJson<KubeObject>(clusterId, identity, { path: kubeApiPath(r, { namespace: link.namespace ?? undefined, name: ref.name }) }).catch(() => undefined) : undefined;
  }
  return chain;
}

/** Objects of the usual child kinds in the object's namespace that name it as owner. */
async function children(clusterId: string, identity: KubeIdentity, obj: KubeObject, served: TApiResource[]): Promise<TObjectLink[]> {
  const uid = obj.metadata?.uid;
  const namespace = obj.metadata?.namespace;
  if (!uid || !namespace) return [];
  const lists = CHILD_KINDS.map(async (ref) => {
    const r = served.find((s) => s.group === ref.group && s.version === ref.version && s.resource === ref.resource);
    if (!r) return [];
    const table = await listKubeTable(clusterId, identity, kubeApiPath(r, { namespace }), { includeObject: "Metadata" }).catch(() => null);
    return (table?.rows ?? [])
      .filter((row) => row.object?.metadata.ownerReferences?.some((o) => o.uid === uid))
      .map((row) => linkOf(r, "", r.kind, namespace, row.object?.metadata.name ?? ""));
  });
  return (await Promise.all(lists)).flat();
}

/** What the object selects or binds: a Service's pods (by its selector), a PVC's volume. */
async function related(clusterId: string, identity: KubeIdentity, obj: KubeObject, served: TApiResource[]): Promise<TObjectLink[]> {
  const namespace = obj.metadata?.namespace;
  const pods = served.find((s) => s.group === "" && s.resource === "pods");
  if (obj.kind === "Service" && pods && namespace) {
    const selector = obj.spec?.selector as Record<string, string> | undefined;
    if (!selector || Object.keys(selector).length === 0) return [];
    const table = await listKubeTable(clusterId, identity, kubeApiPath(pods, { namespace }), { labelSelector: labelSelectorString({ matchLabels: selector }), includeObject: "Metadata" }).catch(() => null);
    return (table?.rows ?? []).map((row) => linkOf(pods, "v1", "Pod", namespace, row.object?.metadata.name ?? ""));
  }
  if (obj.kind === "PersistentVolumeClaim") {
    const volume = obj.spec?.volumeName as string | undefined;
    const pv = served.find((s) => s.group === "" && s.resource === "persistentvolumes");
    return volume ? [linkOf(pv, "v1", "PersistentVolume", null, volume)] : [];
  }
  return [];
}

/**
 * What surrounds an object, each read as the user (a list they may not read leaves its part
 * empty): its owner chain, its children and the objects it selects or binds.
 */
export async function listObjectRelations(clusterId: string, identity: KubeIdentity, obj: KubeObject): Promise<{ owners: TObjectLink[]; children: TObjectLink[]; related: TObjectLink[] }> {
  const served = await getApiResourcesOrEmpty(clusterId);
  const [owners, kids, rel] = await Promise.all([ownerChain(clusterId, identity, obj), children(clusterId, identity, obj, served), related(clusterId, identity, obj, served)]);
  return { owners, children: kids, related: rel };
}
