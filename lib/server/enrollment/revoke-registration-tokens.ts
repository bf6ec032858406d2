import "server-only";
import { prisma } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";

/** Revokes every live registration token of a cluster (enrolled agents keep their credentials). */
export async function revokeRegistrationTokens(clusterId: string, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const cluster = await getClusterOrThrow(clusterId, tx);
    const { count } = await tx.registrationToken.updateMany({
      where: { clusterId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await recordAuditEvent(
      { actor, action: "cluster.token.revoke", target: { type: "cluster", id: clusterId, name: cluster.name }, details: { revoked: count }, ...meta },
      tx,
    );
    return count;
  });
}
