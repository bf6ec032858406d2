import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TCluster, TUpdateCluster } from "@/lib/shared/clusters/clusters.schema";
import { prisma } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { getClusterOrThrow } from "./get-cluster-or-throw";
import { countRecentFlaps } from "./count-recent-flaps";
import { toClusterDto } from "./to-cluster-dto";

/** Edits what users own (names, description, labels, location); state stays derived. */
export async function updateCluster(id: string, input: TUpdateCluster, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<TCluster> {
  return prisma.$transaction(async (tx) => {
    const before = await getClusterOrThrow(id, tx);
    const data: Prisma.ClusterUpdateInput = {
      displayName: input.displayName,
      description: input.description,
      labels: input.labels,
      region: input.region === undefined ? undefined : input.region || null,
      site: input.site === undefined ? undefined : input.site || null,
    };
    const cluster = await tx.cluster.update({ where: { id }, data });
    await recordAuditEvent(
      { actor, action: "cluster.update", target: { type: "cluster", id, name: before.name }, details: { changed: Object.keys(input) }, ...meta },
      tx,
    );
    return toClusterDto(cluster, (await countRecentFlaps([id])).get(id) ?? 0);
  });
}
