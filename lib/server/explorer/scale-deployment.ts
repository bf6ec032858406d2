import "server-only";
import type { Principal } from "../auth/principal";
import type { RequestMeta } from "../http/request-meta";
import { identityOf } from "../k8s/kube-identity";
import { patchKubeObject } from "../k8s/patch-kube-object";
import { runAuditedKubeAction } from "./run-audited-kube-action";

/** `kubectl scale deployment/<name> --replicas=N`. Audited as `k8s.deployment.scale`. */
export async function scaleDeployment(principal: Principal, meta: RequestMeta, clusterId: string, namespace: string, name: string, replicas: number): Promise<{ replicas: number }> {
  await runAuditedKubeAction(principal, meta, clusterId, "k8s.deployment.scale", { namespace, name, replicas }, () =>
    patchKubeObject(clusterId, identityOf(principal), "deployments", { namespace, name }, { spec: { replicas } }, "merge"),
  );
  return { replicas };
}
