import "server-only";
import type { Principal } from "../auth/principal";
import { ApiError } from "../http/api-error";
import type { RequestMeta } from "../http/request-meta";
import { identityOf } from "../k8s/kube-identity";
import { kubeJson } from "../k8s/kube-request";
import { runAuditedKubeAction } from "../explorer/run-audited-kube-action";

/**
 * Suspend or resume a CronJob (`kubectl patch cronjob <name> -p '{"spec":{"suspend":true}}'`):
 * a merge patch of `spec.suspend`, as the user; suspending a suspended (resuming an active)
 * CronJob is 409. Running Jobs are not touched. Audited as `k8s.cronjob.suspend` / `k8s.cronjob.resume`.
 */
export async function setCronJobSuspended(principal: Principal, meta: RequestMeta, clusterId: string, namespace: string, name: string, suspend: boolean): Promise<{ suspend: boolean }> {
  const identity = identityOf(principal);
  const path = `/apis/batch/v1/namespaces/${encodeURIComponent(namespace)}/cronjobs/${encodeURIComponent(name)}`;
  await runAuditedKubeAction(principal, meta, clusterId, `k8s.cronjob.${suspend ? "suspend" : "resume"}`, { namespace, name }, async () => {
    const live = await kubeJson<{ spec?: { suspend?: boolean } }>(clusterId, identity, { path });
    if ((live.spec?.suspend === true) === suspend) throw new ApiError("conflict", `cronjob.batch/${name} is ${suspend ? "already suspended" : "not suspended"}`);
    await kubeJson(clusterId, identity, { method: "PATCH", path, contentType: "application/merge-patch+json", body: { spec: { suspend } } });
  });
  return { suspend };
}
