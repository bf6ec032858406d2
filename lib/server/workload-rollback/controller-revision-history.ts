import "server-only";
import type { TWorkloadHistory } from "@/lib/shared/workload-rollback/workload-rollback.schema";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import type { KubeIdentity } from "../k8s/kube-identity";
import { kubeJson } from "../k8s/kube-request";
import { templateYaml } from "./template-yaml";

export type ControllerRevisionKind = "statefulsets" | "daemonsets";

type PodTemplate = { spec?: { containers?: Array<{ image?: string }> } } & Record<string, unknown>;

export interface ControllerRevisionItem {
  metadata: { name: string; ownerReferences?: Array<{ uid: string; controller?: boolean }> };
  revision?: number;
  /** The strategic-merge patch the controller stored: `{spec: {template: {…, $patch: replace}}}`. */
  data?: { spec?: { template?: PodTemplate } };
}

/** The pod template a ControllerRevision restores (its `$patch` directive left out). */
export function revisionTemplateOf(r: ControllerRevisionItem): PodTemplate | undefined {
  const template = r.data?.spec?.template;
  if (!template) return undefined;
  const { $patch: _directive, ...rest } = template;
  return rest;
}

/**
 * A StatefulSet's or DaemonSet's revisions from the ControllerRevisions it controls (as
 * `kubectl rollout history` reads them), newest first; the highest revision is current.
 */
export async function readControllerRevisionHistory(clusterId: string, identity: KubeIdentity, kind: ControllerRevisionKind, namespace: string, name: string): Promise<TWorkloadHistory & { items: Map<number, ControllerRevisionItem>; liveTemplate: unknown }> {
  await getClusterOrThrow(clusterId);
  const ns = encodeURIComponent(namespace);
  const owner = await kubeJson<{ metadata: { uid: string }; spec?: { template?: unknown } }>(clusterId, identity, { path: `/apis/apps/v1/namespaces/${ns}/${kind}/${encodeURIComponent(name)}` });
  const list = await kubeJson<{ items: ControllerRevisionItem[] }>(clusterId, identity, { path: `/apis/apps/v1/namespaces/${ns}/controllerrevisions` });
  const items = new Map<number, ControllerRevisionItem>();
  for (const r of list.items) {
    if (!r.metadata.ownerReferences?.some((o) => o.controller && o.uid === owner.metadata.uid)) continue;
    if (Number.isInteger(r.revision) && (r.revision ?? 0) > 0) items.set(r.revision!, r);
  }
  const newest = Math.max(0, ...items.keys());
  const revisions = [...items.entries()]
    .sort(([a], [b]) => b - a)
    .map(([revision, r]) => {
      const template = revisionTemplateOf(r);
      return { revision, source: r.metadata.name, images: (template?.spec?.containers ?? []).map((c) => c.image ?? ""), current: revision === newest, template: templateYaml(template) };
    });
  return { revisions, items, liveTemplate: owner.spec?.template };
}
