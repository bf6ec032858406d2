import "server-only";
import type { Principal } from "../auth/principal";
import type { RequestMeta } from "../http/request-meta";
import { identityOf } from "../k8s/kube-identity";
import { patchKubeObject } from "../k8s/patch-kube-object";
import { runAuditedKubeAction } from "./run-audited-kube-action";

/**
 * `kubectl cordon` / `uncordon`: sets or clears `spec.unschedulable` (uncordon removes the
 * field, as kubectl does). Audited as `k8s.node.cordon` / `k8s.node.uncordon`.
 */
export async function setNodeSchedulable(principal: Principal, meta: RequestMeta, clusterId: string, name: string, schedulable: boolean): Promise<{ unschedulable: boolean }> {
  const action = schedulable ? "k8s.node.uncordon" : "k8s.node.cordon";
  await runAuditedKubeAction(principal, meta, clusterId, action, { name }, () =>
    patchKubeObject(clusterId, identityOf(principal), "nodes", { name }, { spec: { unschedulable: schedulable ? null : true } }, "merge"),
  );
  return { unschedulable: !schedulable };
}
