import "server-only";
import { isDeepStrictEqual } from "node:util";
import type { Principal } from "../auth/principal";
import { ApiError } from "../http/api-error";
import type { RequestMeta } from "../http/request-meta";
import { identityOf } from "../k8s/kube-identity";
import { kubeJson } from "../k8s/kube-request";
import { runAuditedKubeAction } from "../explorer/run-audited-kube-action";
import { readControllerRevisionHistory, revisionTemplateOf, type ControllerRevisionKind } from "./controller-revision-history";

const KIND: Readonly<Record<ControllerRevisionKind, string>> = { statefulsets: "statefulset", daemonsets: "daemonset" };

/**
 * `kubectl rollout undo statefulset|daemonset/<name> [--to-revision=N]`: applies the
 * revision's stored strategic-merge patch (its whole pod template) to the object, as the
 * user; the controller then rolls the pods. No revision = the one before the current; a
 * revision whose template is already live is refused like kubectl's "skipped rollback".
 * Audited as `k8s.statefulset.rollback` / `k8s.daemonset.rollback`.
 */
export async function rollbackControllerRevision(principal: Principal, meta: RequestMeta, clusterId: string, kind: ControllerRevisionKind, namespace: string, name: string, revision?: number): Promise<{ revision: number }> {
  const identity = identityOf(principal);
  const history = await readControllerRevisionHistory(clusterId, identity, kind, namespace, name);
  const target = revision ?? history.revisions.find((r) => !r.current)?.revision;
  if (target === undefined) throw new ApiError("conflict", `${KIND[kind]} "${name}" has no previous revision to roll back to`);
  const item = history.items.get(target);
  if (!item?.data) throw new ApiError("not_found", `revision ${target} of ${KIND[kind]} "${name}" not found`);
  if (isDeepStrictEqual(revisionTemplateOf(item), history.liveTemplate)) throw new ApiError("conflict", `skipped rollback: the current template of ${KIND[kind]} "${name}" already matches revision ${target}`);
  await runAuditedKubeAction(principal, meta, clusterId, `k8s.${KIND[kind]}.rollback`, { namespace, name, revision: target }, () =>
    kubeJson(clusterId, identity, {
      method: "PATCH",
      path: `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/${kind}/${encodeURIComponent(name)}`,
      contentType: "application/strategic-merge-patch+json",
      body: item.data,
    }),
  );
  return { revision: target };
}
