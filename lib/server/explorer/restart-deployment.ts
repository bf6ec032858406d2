import "server-only";
import type { Principal } from "../auth/principal";
import type { RequestMeta } from "../http/request-meta";
import { identityOf } from "../k8s/kube-identity";
import { patchKubeObject } from "../k8s/patch-kube-object";
import { runAuditedKubeAction } from "./run-audited-kube-action";

/** The annotation `kubectl rollout restart` sets on the pod template. */
export const RESTARTED_AT_ANNOTATION = "kubectl.kubernetes.io/restartedAt";

/**
 * `kubectl rollout restart deployment/<name>`: stamps the pod template with the current
 * time, so the Deployment rolls out new pods. Audited as `k8s.deployment.restart`.
 */
export async function restartDeployment(principal: Principal, meta: RequestMeta, clusterId: string, namespace: string, name: string): Promise<{ restartedAt: string }> {
  // RFC 3339 at second precision, as kubectl writes it.
  const restartedAt = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const patch = { spec: { template: { metadata: { annotations: { [RESTARTED_AT_ANNOTATION]: restartedAt } } } } };
  await runAuditedKubeAction(principal, meta, clusterId, "k8s.deployment.restart", { namespace, name }, () =>
    patchKubeObject(clusterId, identityOf(principal), "deployments", { namespace, name }, patch, "strategic"),
  );
  return { restartedAt };
}
