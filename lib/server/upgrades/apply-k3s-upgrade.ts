import "server-only";
import YAML from "yaml";
import { BUNDLE_ID_LABEL, FLEET_FIELD_MANAGER } from "@/lib/shared/bundles/render-bundle";
import { applyKubeObject } from "../k8s/apply-kube-object";
import { KubeError } from "../k8s/kube-error";
import { UPGRADE_IDENTITY } from "../k8s/kube-identity";
import { objectRef, type TObjectRef } from "@/lib/shared/bundles/bundle-kinds";

/** The cluster cannot take the Plans yet (system-upgrade-controller not running): NotReady, applied again next pass. */
export class UpgradeWaitingError extends Error {
  override name = "UpgradeWaitingError";
}

const PLURALS: Record<string, string> = { Namespace: "namespaces", ServiceAccount: "serviceaccounts", ClusterRoleBinding: "clusterrolebindings", ConfigMap: "configmaps", Deployment: "deployments", Plan: "plans" };

interface Doc {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

function pathOf(doc: Doc): string {
  const base = doc.apiVersion.includes("/") ? `/apis/${doc.apiVersion}` : `/api/${doc.apiVersion}`;
  const ns = doc.metadata.namespace ? `/namespaces/${encodeURIComponent(doc.metadata.namespace)}` : "";
  return `${base}${ns}/${PLURALS[doc.kind] ?? `${doc.kind.toLowerCase()}s`}/${encodeURIComponent(doc.metadata.name)}`;
}

/**
 * Delivers an upgrade revision (docs/UPGRADES.md) as the upgrade identity, server-side
 * applied like bundles: system-upgrade-controller first (installed where missing, a no-op
 * where present), then its Plans. The Plan kind is served only once the controller runs,
 * so until then this throws UpgradeWaitingError and the next pass tries again.
 */
export async function applyK3sUpgrade(clusterId: string, bundle: { id: string; name: string }, revision: { number: number; yaml: string }): Promise<TObjectRef[]> {
  const docs = YAML.parseAllDocuments(revision.yaml).map((d) => d.toJSON() as Doc).filter((d) => d && d.kind);
  const refs: TObjectRef[] = [];
  for (const doc of docs) {
    const body = { ...doc, metadata: { ...doc.metadata, labels: { ...doc.metadata.labels, [BUNDLE_ID_LABEL]: bundle.id } } };
    try {
      await applyKubeObject(clusterId, UPGRADE_IDENTITY, pathOf(doc), body, { fieldManager: FLEET_FIELD_MANAGER, force: true });
    } catch (error) {
      if (doc.kind === "Plan" && error instanceof KubeError && error.kubeStatus === 404) throw new UpgradeWaitingError("Waiting for system-upgrade-controller to start (it serves the Plan kind)");
      throw error;
    }
    refs.push(objectRef(doc.apiVersion, doc.kind, doc.metadata.namespace, doc.metadata.name));
  }
  return refs;
}
