import "server-only";
import { prisma } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { closeTunnel } from "../tunnel/tunnel-registry";
import { getClusterOrThrow } from "./get-cluster-or-throw";

/**
 * Deletes a cluster: its registration tokens and agent credentials go with it (cascade),
 * so neither can be used again, and its tunnel is closed. The agent in the cluster keeps
 * running until removed there (`kubectl delete namespace outpost-system`); it cannot
 * reconnect.
 */
export async function deleteCluster(id: string, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const cluster = await getClusterOrThrow(id, tx);
    const tokens = await tx.registrationToken.count({ where: { clusterId: id } });
    const credentials = await tx.agentCredential.count({ where: { clusterId: id } });
    await tx.cluster.delete({ where: { id } });
    await recordAuditEvent(
      { actor, action: "cluster.delete", target: { type: "cluster", id, name: cluster.name }, details: { tokens, credentials }, ...meta },
      tx,
    );
  });
  closeTunnel(id, "cluster deleted");
}
