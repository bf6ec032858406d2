import "server-only";
import { labelSelectorString } from "@/lib/shared/kube";
import { slimObject } from "@/lib/shared/explorer/slim-object";
import { RESOURCE_INFO, resourceOfKind, type TExplorerResource } from "@/lib/shared/explorer/resources";
import type { TKubeObject, TObjectRef, TRelated } from "@/lib/shared/explorer/explorer.schema";
import type { KubeIdentity } from "../k8s/kube-identity";
import { listKubeObjects } from "../k8s/list-kube-objects";

export const NO_RELATED: TRelated = { owner: null, node: null, events: [], replicaSets: [], pods: [] };

const WORKLOADS: readonly TExplorerResource[] = ["deployments", "replicasets", "daemonsets", "statefulsets", "jobs"];

function ownerOf(obj: TKubeObject): TObjectRef | null {
  const refs = obj.metadata?.ownerReferences ?? [];
  const owner = refs.find((r) => r.controller) ?? refs[0];
  if (!owner) return null;
  const resource = resourceOfKind(owner.kind) ?? null;
  const namespaced = resource ? RESOURCE_INFO[resource].namespaced : true;
  return { resource, kind: owner.kind, namespace: namespaced ? (obj.metadata?.namespace ?? null) : null, name: owner.name };
}

async function settled(promise: Promise<TKubeObject[]>): Promise<TKubeObject[]> {
  // A related list the user may not read (or that times out) leaves its section empty;
  // the object itself was readable, so the page still shows.
  return promise.catch(() => []);
}

/**
 * What the detail view links to: owner, node (pods), events about the object, a
 * Deployment's ReplicaSets, and the pods of a workload or node — each read as the user.
 */
export async function listRelatedObjects(clusterId: string, identity: KubeIdentity, resource: TExplorerResource, obj: TKubeObject): Promise<TRelated> {
  const namespace = obj.metadata?.namespace;
  const name = obj.metadata?.name ?? "";
  const kind = RESOURCE_INFO[resource].kind;
  const list = async (r: TExplorerResource, opts: { namespace?: string; labelSelector?: string; fieldSelector?: string }) =>
    (await listKubeObjects(clusterId, identity, r, opts)).items.map((item) => slimObject(r, item));

  const events = settled(list("events", { namespace, fieldSelector: `involvedObject.kind=${kind},involvedObject.name=${name}` }));
  let replicaSets: Promise<TKubeObject[]> = Promise.resolve([]);
  let pods: Promise<TKubeObject[]> = Promise.resolve([]);
  if (resource === "deployments") {
    const uid = obj.metadata?.uid;
    replicaSets = settled(list("replicasets", { namespace })).then((items) =>
      items.filter((rs) => rs.metadata?.ownerReferences?.some((o) => o.kind === "Deployment" && (uid ? o.uid === uid : o.name === name))),
    );
  }
  if (WORKLOADS.includes(resource)) {
    const selector = labelSelectorString((obj.spec as { selector?: Parameters<typeof labelSelectorString>[0] } | undefined)?.selector);
    if (selector) pods = settled(list("pods", { namespace, labelSelector: selector }));
  } else if (resource === "nodes") {
    pods = settled(list("pods", { fieldSelector: `spec.nodeName=${name}` }));
  }
  const node = resource === "pods" ? ((obj.spec as { nodeName?: string } | undefined)?.nodeName ?? null) : null;
  const [ev, rs, po] = await Promise.all([events, replicaSets, pods]);
  return { owner: ownerOf(obj), node, events: ev, replicaSets: rs, pods: po };
}
