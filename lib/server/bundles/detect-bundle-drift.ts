import "server-only";
import { bundleObjectPath } from "@/lib/shared/bundles/bundle-kinds";
import { FLEET_FIELD_MANAGER, renderBundle, type TBundleCluster } from "@/lib/shared/bundles/render-bundle";
import { applyKubeObject } from "../k8s/apply-kube-object";
import { FLEET_IDENTITY } from "../k8s/kube-identity";
import { KubeError } from "../k8s/kube-error";
import { kubeJson } from "../k8s/kube-request";

const VOLATILE_META = new Set(["resourceVersion", "managedFields", "generation", "creationTimestamp", "uid", "selfLink"]);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The first path at which two JSON values differ (object keys in any order), or null. */
function firstDifference(a: unknown, b: unknown, path: string): string | null {
  if (isRecord(a) && isRecord(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[key], b[key], path ? `${path}.${key}` : key);
      if (d) return d;
    }
    return null;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return path;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : path || "(object)";
}

function comparable(obj: Record<string, unknown>): Record<string, unknown> {
  const meta = isRecord(obj.metadata) ? Object.fromEntries(Object.entries(obj.metadata).filter(([k]) => !VOLATILE_META.has(k))) : {};
  return { ...obj, metadata: meta, status: undefined };
}

/**
 * Whether the live objects still are what the revision declares — `kubectl diff
 * --server-side`'s way: a dry-run server-side apply (same manager, force) shows what an
 * apply would write; any field that differs from the live object is drift (a field Outpost
 * does not manage, like a label someone added, is not). Returns the first difference
 * ("ConfigMap edge-app/settings: data.greeting") or null.
 */
export async function detectBundleDrift(clusterId: string, bundle: { id: string; name: string }, revision: { number: number; yaml: string }, cluster: TBundleCluster): Promise<string | null> {
  for (const obj of renderBundle(revision.yaml, cluster, bundle, revision.number)) {
    const path = bundleObjectPath(obj.kind, obj.namespace, obj.name);
    const where = `${obj.kind.kind} ${obj.namespace ? `${obj.namespace}/` : ""}${obj.name}`;
    let live: Record<string, unknown>;
    try {
      live = await kubeJson<Record<string, unknown>>(clusterId, FLEET_IDENTITY, { path });
    } catch (error) {
      if (error instanceof KubeError && error.kubeStatus === 404) return `${where}: deleted`;
      throw error;
    }
    const wouldBe = (await applyKubeObject(clusterId, FLEET_IDENTITY, path, obj.body, { fieldManager: FLEET_FIELD_MANAGER, force: true, dryRun: true })) as Record<string, unknown>;
    const diff = firstDifference(comparable(live), comparable(wouldBe), "");
    if (diff) return `${where}: ${diff}`;
  }
  return null;
}
