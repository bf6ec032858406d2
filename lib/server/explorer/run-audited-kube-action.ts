import "server-only";
import type { Principal } from "../auth/principal";
import { auditActorOf } from "../auth/principal";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import type { RequestMeta } from "../http/request-meta";
import { KubeError } from "../k8s/kube-error";

/**
 * Runs one explorer action against a cluster and records it in the audit log, success or
 * failure (a refused or failed action is worth knowing too). `details` name the object —
 * never a body or a secret value. KubeErrors propagate: the route answers with their status.
 */
export async function runAuditedKubeAction<T>(
  principal: Principal,
  meta: RequestMeta,
  clusterId: string,
  action: string,
  details: Record<string, unknown>,
  run: () => Promise<T>,
): Promise<T> {
  const cluster = await getClusterOrThrow(clusterId);
  const event = {
    actor: auditActorOf(principal),
    action,
    target: { type: "cluster", id: cluster.id, name: cluster.name },
    ip: meta.ip,
    requestId: meta.requestId,
  };
  try {
    const result = await run();
    await recordAuditEvent({ ...event, details });
    return result;
  } catch (error) {
    const reason = error instanceof KubeError ? { status: error.kubeStatus, reason: error.reason } : { reason: "error" };
    await recordAuditEvent({ ...event, outcome: "failure", details: { ...details, ...reason } });
    throw error;
  }
}
