import "server-only";
import type { TCluster } from "@/lib/shared/clusters/clusters.schema";
import { prisma } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { countRecentFlaps } from "../clusters/count-recent-flaps";
import { toClusterDto } from "../clusters/to-cluster-dto";
import { getRuntimeContext } from "../runtime/runtime-context";
import { buildImportCommands } from "./build-import-commands";
import { issueRegistrationToken } from "./issue-registration-token";

/**
 * Issues a new registration token and shortens every other live token of the cluster to
 * the rotation grace period (default 1 h), so a command already copied keeps working
 * briefly. Returns the cluster with the new import commands.
 */
export async function rotateRegistrationToken(clusterId: string, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<TCluster> {
  const graceEnd = new Date(Date.now() + getRuntimeContext().config.tokenRotationGraceMs);
  return prisma.$transaction(async (tx) => {
    const cluster = await getClusterOrThrow(clusterId, tx);
    const shortened = await tx.registrationToken.updateMany({
      where: { clusterId, revokedAt: null, expiresAt: { gt: graceEnd } },
      data: { expiresAt: graceEnd },
    });
    const issued = await issueRegistrationToken(tx, clusterId);
    await recordAuditEvent(
      {
        actor,
        action: "cluster.token.rotate",
        target: { type: "cluster", id: clusterId, name: cluster.name },
        details: { tokenId: issued.id, previousTokensValidUntil: graceEnd.toISOString(), previousTokens: shortened.count },
        ...meta,
      },
      tx,
    );
    return toClusterDto(cluster, (await countRecentFlaps([clusterId])).get(clusterId) ?? 0, await buildImportCommands(issued.token, clusterId, issued.expiresAt));
  });
}
