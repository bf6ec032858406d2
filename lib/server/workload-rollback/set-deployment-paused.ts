import "server-only";
import type { Principal } from "../auth/principal";
import { ApiError } from "../http/api-error";
import type { RequestMeta } from "../http/request-meta";
import { identityOf } from "../k8s/kube-identity";
import { kubeJson } from "../k8s/kube-request";
import { runAuditedKubeAction } from "../explorer/run-audited-kube-action";

/**
 * `kubectl rollout pause|resume deployment/<name>`: sets `spec.paused` with a strategic
 * merge patch, as the user. Like kubectl, pausing a paused (or resuming a running)
 * Deployment is refused (409). Audited as `k8s.deployment.pause` / `k8s.deployment.resume`.
 */
export async function setDeploymentPaused(principal: Principal, meta: RequestMeta, clusterId: string, namespace: string, name: string, paused: boolean): Promise<{ paused: boolean }> {
  const identity = identityOf(principal);
  const path = `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/deployments/${encodeURIComponent(name)}`;
  const action = paused ? "pause" : "resume";
  await runAuditedKubeAction(principal, meta, clusterId, `k8s.deployment.${action}`, { namespace, name }, async () => {
    const live = await kubeJson<{ spec?: { paused?: boolean } }>(clusterId, identity, { path });
    if ((live.spec?.paused === true) === paused) throw new ApiError("conflict", `deployment.apps/${name} is ${paused ? "already paused" : "not paused"}`);
    await kubeJson(clusterId, identity, { method: "PATCH", path, contentType: "application/strategic-merge-patch+json", body: { spec: { paused } } });
  });
  return { paused };
}
