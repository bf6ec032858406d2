import "server-only";
import type { Principal } from "../auth/principal";
import type { RequestMeta } from "../http/request-meta";
import { deleteKubeObject } from "../k8s/delete-kube-object";
import { identityOf } from "../k8s/kube-identity";
import { runAuditedKubeAction } from "./run-audited-kube-action";

/** Deletes a pod as the user (graceful; its controller replaces it). Audited as `k8s.pod.delete`. */
export async function deletePod(principal: Principal, meta: RequestMeta, clusterId: string, namespace: string, name: string): Promise<{ ok: true }> {
  await runAuditedKubeAction(principal, meta, clusterId, "k8s.pod.delete", { namespace, name }, () =>
    deleteKubeObject(clusterId, identityOf(principal), "pods", namespace, name),
  );
  return { ok: true };
}
