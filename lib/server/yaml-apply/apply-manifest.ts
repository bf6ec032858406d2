import "server-only";
import { diffLines } from "diff";
import { stringify } from "yaml";
import { parseManifest, type ManifestObject } from "@/lib/shared/yaml-apply/parse-manifest";
import { OUTPOST_FIELD_MANAGER, type TApplyBody, type TApplyConflict, type TApplyDocumentResult, type TApplyResult } from "@/lib/shared/yaml-apply/yaml-apply.schema";
import { auditActorOf, type Principal } from "../auth/principal";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { ApiError } from "../http/api-error";
import type { RequestMeta } from "../http/request-meta";
import { identityOf, type KubeIdentity } from "../k8s/kube-identity";
import { KubeError } from "../k8s/kube-error";
import { kubeJson } from "../k8s/kube-request";
import { apiObjectPath, resolveApiResource, type ApiDiscoveryCache } from "../k8s/resolve-api-resource";

type KubeObject = Record<string, unknown> & { metadata?: Record<string, unknown> };

/** YAML as the diff shows it: no managedFields, no resourceVersion (it changes on every write). */
function showYaml(object: KubeObject | null): string | null {
  if (!object) return null;
  const metadata = { ...(object.metadata ?? {}) };
  delete metadata.managedFields;
  delete metadata.resourceVersion;
  return stringify({ ...object, metadata }, { lineWidth: 0 });
}

function countDiff(before: string | null, after: string | null): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const part of diffLines(before ?? "", after ?? "")) {
    if (part.added) added += part.count ?? 0;
    else if (part.removed) removed += part.count ?? 0;
  }
  return { added, removed };
}

/** `conflict with "kubectl" using apps/v1` → `kubectl`. */
function conflictsOf(error: KubeError): TApplyConflict[] {
  return error.causes
    .filter((c) => c.reason === "FieldManagerConflict")
    .map((c) => ({ field: c.field ?? "", manager: /conflict with "((?:[^"\\]|\\.)*)"/.exec(c.message ?? "")?.[1] ?? c.message ?? "" }));
}

async function applyOne(clusterId: string, identity: KubeIdentity, obj: ManifestObject, index: number, body: TApplyBody, discovery: ApiDiscoveryCache): Promise<TApplyDocumentResult> {
  const base = { index, apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name };
  try {
    const resource = await resolveApiResource(clusterId, identity, obj.apiVersion, obj.kind, discovery);
    const namespace = resource.namespaced ? (obj.metadata.namespace ?? body.namespace) : null;
    const applied = resource.namespaced ? { ...obj, metadata: { ...obj.metadata, namespace } } : obj;
    const path = apiObjectPath(resource, namespace, obj.metadata.name);
    let live: KubeObject | null = null;
    try {
      live = await kubeJson<KubeObject>(clusterId, identity, { path });
    } catch (error) {
      if (!(error instanceof KubeError && error.kubeStatus === 404)) throw error;
    }
    try {
      const result = await kubeJson<KubeObject>(clusterId, identity, {
        method: "PATCH",
        path,
        query: { fieldManager: OUTPOST_FIELD_MANAGER, force: body.force ? "true" : undefined, dryRun: body.mode === "dryRun" ? "All" : undefined },
        // JSON is YAML: the apply patch type takes either.
        contentType: "application/apply-patch+yaml",
        body: applied,
      });
      const before = showYaml(live);
      const after = showYaml(result);
      const diff = countDiff(before, after);
      const outcome = !live ? "created" : diff.added + diff.removed === 0 ? "unchanged" : "configured";
      return { ...base, namespace, outcome, live: before, result: after, diff, conflicts: [], error: null };
    } catch (error) {
      if (error instanceof KubeError && error.kubeStatus === 409 && conflictsOf(error).length > 0) {
        return { ...base, namespace, outcome: "conflict", live: showYaml(live), result: null, diff: { added: 0, removed: 0 }, conflicts: conflictsOf(error), error: { status: 409, reason: error.reason, message: error.message } };
      }
      throw error;
    }
  } catch (error) {
    if (!(error instanceof KubeError)) throw error;
    // Offline or timed out: the whole request fails (nothing to show per document).
    if (error.kubeStatus === 503 || error.kubeStatus === 504) throw error;
    return { ...base, namespace: obj.metadata.namespace ?? null, outcome: "error", live: null, result: null, diff: { added: 0, removed: 0 }, conflicts: [], error: { status: error.kubeStatus, reason: error.reason, message: error.message } };
  }
}

/**
 * Server-side apply of a (multi-document) manifest with field manager `outpost`, as the
 * impersonated user: `dryRun` shows what would change (the server's dry run, diffed
 * against the live objects), `apply` does it. Documents are applied in order and each
 * reports its own outcome — a conflict (fields and their managers) or the cluster's error
 * is data, not a failure of the request. Real applies are audited per document
 * (`k8s.apply`: kind, namespace, name, outcome, lines added/removed, force) — never a body.
 */
export async function applyManifest(principal: Principal, meta: RequestMeta, clusterId: string, body: TApplyBody): Promise<TApplyResult> {
  const cluster = await getClusterOrThrow(clusterId);
  const parsed = parseManifest(body.yaml);
  if (!parsed.ok) throw new ApiError("validation_failed", parsed.errors.join("; "), { fields: { yaml: parsed.errors.join("; ") } });
  const identity = identityOf(principal);
  const discovery: ApiDiscoveryCache = new Map();
  const documents: TApplyDocumentResult[] = [];
  for (const [i, obj] of parsed.objects.entries()) documents.push(await applyOne(cluster.id, identity, obj, i + 1, body, discovery));
  if (body.mode === "apply") {
    for (const d of documents) {
      await recordAuditEvent({
        actor: auditActorOf(principal),
        action: "k8s.apply",
        outcome: d.outcome === "conflict" || d.outcome === "error" ? "failure" : "success",
        target: { type: "cluster", id: cluster.id, name: cluster.name },
        ip: meta.ip,
        requestId: meta.requestId,
        details: { apiVersion: d.apiVersion, kind: d.kind, namespace: d.namespace ?? undefined, name: d.name, outcome: d.outcome, linesAdded: d.diff.added, linesRemoved: d.diff.removed, force: body.force, ...(d.conflicts.length ? { conflicts: d.conflicts } : {}), ...(d.error ? { status: d.error.status, reason: d.error.reason } : {}) },
      });
    }
  }
  return { mode: body.mode, force: body.force, documents };
}
