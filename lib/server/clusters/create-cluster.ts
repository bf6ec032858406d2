import "server-only";
import type { TCluster, TCreateCluster } from "@/lib/shared/clusters/clusters.schema";
import { prisma } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { ApiError } from "../http/api-error";
import { buildImportCommands } from "../enrollment/build-import-commands";
import { issueRegistrationToken } from "../enrollment/issue-registration-token";
import { toClusterDto } from "./to-cluster-dto";

/**
 * Registers a cluster (state Pending) with its first registration token; the cluster, the
 * token and the audit entry commit together. The returned DTO carries the import commands
 * — the only time this token is shown.
 */
export async function createCluster(input: TCreateCluster, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<TCluster> {
  return prisma.$transaction(async (tx) => {
    if (await tx.cluster.findUnique({ where: { name: input.name } })) {
      throw new ApiError("conflict", `A cluster named "${input.name}" already exists`, { fields: { name: "is already taken" } });
    }
    const cluster = await tx.cluster.create({
      data: {
        name: input.name,
        displayName: input.displayName || input.name,
        description: input.description ?? "",
        labels: input.labels,
        region: input.region || null,
        site: input.site || null,
        createdById: actor.id,
      },
    });
    const issued = await issueRegistrationToken(tx, cluster.id);
    await recordAuditEvent(
      {
        actor,
        action: "cluster.create",
        target: { type: "cluster", id: cluster.id, name: cluster.name },
        details: { region: cluster.region, site: cluster.site, labels: input.labels, tokenId: issued.id },
        ...meta,
      },
      tx,
    );
    return toClusterDto(cluster, 0, await buildImportCommands(issued.token, cluster.id, issued.expiresAt));
  });
}
