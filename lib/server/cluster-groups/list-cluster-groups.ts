import "server-only";
import type { ClusterGroup } from "@/lib/generated/prisma/client";
import type { TClusterGroup } from "@/lib/shared/cluster-groups/cluster-groups.schema";
import { prisma } from "../db/prisma";
import { notFound } from "../http/api-error";
import { listSelectedClusters } from "../bundles/list-target-clusters";

type Row = ClusterGroup & { bundles: Array<{ name: string }> };

async function toDto(g: Row): Promise<TClusterGroup> {
  const clusters = await listSelectedClusters(g);
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    clusterSelector: g.clusterSelector,
    clusterIds: g.clusterIds,
    clusterCount: clusters.length,
    bundles: g.bundles.map((b) => b.name),
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}

const INCLUDE = { bundles: { select: { name: true }, orderBy: { name: "asc" } } } as const;

/** Every saved cluster group, by name, with how many clusters it selects now and the bundles using it. */
export async function listClusterGroups(): Promise<{ items: TClusterGroup[] }> {
  const rows = await prisma.clusterGroup.findMany({ orderBy: { name: "asc" }, include: INCLUDE });
  return { items: await Promise.all(rows.map(toDto)) };
}

/** One group (404 when unknown). */
export async function getClusterGroup(id: string): Promise<TClusterGroup> {
  const row = await prisma.clusterGroup.findUnique({ where: { id }, include: INCLUDE });
  if (!row) throw notFound("Cluster group");
  return toDto(row);
}
