import "server-only";
import type { Principal } from "../auth/principal";
import { ApiError } from "../http/api-error";
import type { RequestMeta } from "../http/request-meta";
import { identityOf } from "../k8s/kube-identity";
import { kubeJson } from "../k8s/kube-request";
import { runAuditedKubeAction } from "../explorer/run-audited-kube-action";
import { deploymentTemplateOf, readDeploymentHistory } from "./deployment-history";

/**
 * `kubectl rollout undo deployment/<name> [--to-revision=N]`: copies the pod template of
 * the revision's ReplicaSet (without its pod-template-hash label) into the Deployment with
 * a JSON patch, as the user; the deployment controller rolls out. No revision = the one
 * before the current. Audited as `k8s.deployment.rollback`.
 */
export async function rollbackDeployment(principal: Principal, meta: RequestMeta, clusterId: string, namespace: string, name: string, revision?: number): Promise<{ revision: number }> {
  const identity = identityOf(principal);
  const history = await readDeploymentHistory(clusterId, identity, namespace, name);
  // kubectl's own refusal: a paused Deployment would not roll out the restored template.
  if (history.paused) throw new ApiError("conflict", `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${name}' and try again`);
  const current = history.revisions.find((r) => r.current)?.revision;
  const target = revision ?? history.revisions.find((r) => !r.current)?.revision;
  if (target === undefined) throw new ApiError("conflict", `deployment "${name}" has no previous revision to roll back to`);
  const rs = history.replicaSets.get(target);
  const template = rs && deploymentTemplateOf(rs);
  if (!template) throw new ApiError("not_found", `revision ${target} of deployment "${name}" not found`);
  if (target === current) throw new ApiError("conflict", `revision ${target} is already the current revision of deployment "${name}"`);
  await runAuditedKubeAction(principal, meta, clusterId, "k8s.deployment.rollback", { namespace, name, revision: target }, () =>
    kubeJson(clusterId, identity, {
      method: "PATCH",
      path: `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/deployments/${encodeURIComponent(name)}`,
      contentType: "application/json-patch+json",
      body: [{ op: "replace", path: "/spec/template", value: template }],
    }),
  );
  return { revision: target };
}
