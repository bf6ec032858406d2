import "server-only";
import { BUNDLE_KINDS, bundleKindOf, bundleObjectPath, parseObjectRef, type TObjectRef } from "@/lib/shared/bundles/bundle-kinds";
import { BUNDLE_ID_LABEL, FLEET_FIELD_MANAGER, renderBundle } from "@/lib/shared/bundles/render-bundle";
import { applyKubeObject } from "../k8s/apply-kube-object";
import { FLEET_IDENTITY } from "../k8s/kube-identity";
import { KubeError } from "../k8s/kube-error";
import { kubeJson } from "../k8s/kube-request";

export interface ApplyTarget {
  bundle: { id: string; name: string; prune: boolean };
  revision: { number: number; yaml: string };
  cluster: { id: string; name: string; labels: Record<string, string>; values?: Record<string, string> };
  /** What the previous apply left on the cluster (pruned when absent from this revision). */
  previousObjects: TObjectRef[];
}

const order = (ref: TObjectRef) => {
  const { apiVersion, kind } = parseObjectRef(ref);
  const info = bundleKindOf(apiVersion, kind);
  return info ? BUNDLE_KINDS.indexOf(info) : BUNDLE_KINDS.length;
};

/**
 * Deletes one object a bundle applied earlier — only when the live object still carries
 * this bundle's ownership label (someone else's object of the same name is left alone).
 */
export async function pruneBundleObject(clusterId: string, bundleId: string, ref: TObjectRef): Promise<void> {
  const { apiVersion, kind, namespace, name } = parseObjectRef(ref);
  const info = bundleKindOf(apiVersion, kind);
  if (!info) return;
  const path = bundleObjectPath(info, namespace, name);
  try {
    const live = await kubeJson<{ metadata?: { labels?: Record<string, string> } }>(clusterId, FLEET_IDENTITY, { path });
    if (live.metadata?.labels?.[BUNDLE_ID_LABEL] !== bundleId) return;
    await kubeJson<unknown>(clusterId, FLEET_IDENTITY, { method: "DELETE", path, query: { propagationPolicy: "Background" } });
  } catch (error) {
    if (error instanceof KubeError && error.kubeStatus === 404) return;
    throw error;
  }
}

/**
 * Applies one revision to one cluster: renders it for the cluster, server-side applies
 * every object as the fleet identity (field manager `outpost-fleet`, force) in dependency
 * order (namespaces first), then prunes what the previous revision applied and this one
 * no longer has (if the bundle prunes). Idempotent: a retry after a dropped tunnel does
 * the same again. Returns the refs now applied. Throws BundleRenderError (the revision
 * does not fit this cluster) or KubeError (the cluster refused, or is unreachable).
 */
export async function applyBundleToCluster(target: ApplyTarget): Promise<TObjectRef[]> {
  const { bundle, revision, cluster } = target;
  const objects = renderBundle(revision.yaml, cluster, bundle, revision.number);
  objects.sort((a, b) => order(a.ref) - order(b.ref));
  for (const obj of objects) {
    await applyKubeObject(cluster.id, FLEET_IDENTITY, bundleObjectPath(obj.kind, obj.namespace, obj.name), obj.body, { fieldManager: FLEET_FIELD_MANAGER, force: true });
  }
  const now = new Set(objects.map((o) => o.ref));
  if (bundle.prune) {
    const gone = target.previousObjects.filter((ref) => !now.has(ref)).sort((a, b) => order(b) - order(a));
    for (const ref of gone) await pruneBundleObject(cluster.id, bundle.id, ref);
  }
  return objects.map((o) => o.ref);
}
