import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TCluster } from "@/lib/shared/clusters/clusters.schema";
import type { TListClustersQuery } from "@/lib/shared/clusters/list-clusters.schema";
import { ALL_CLUSTERS, clusterIdWhere, type ClusterScope } from "../access/cluster-scope";
import { prisma } from "../db/prisma";
import { countRecentFlaps } from "./count-recent-flaps";
import { toClusterDto } from "./to-cluster-dto";

/** Clusters by name, filtered by text (name, display name, region, site) and state; offset-paged; only those in `scope`. */
export async function listClusters(query: TListClustersQuery, scope: ClusterScope = ALL_CLUSTERS): Promise<{ items: TCluster[]; total: number }> {
  const where: Prisma.ClusterWhereInput = {
    ...clusterIdWhere(scope),
    ...(query.state ? { state: query.state } : {}),
    ...(query.q
      ? {
          OR: ["name", "displayName", "region", "site"].map((field) => ({ [field]: { contains: query.q, mode: "insensitive" } })),
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.cluster.findMany({ where, orderBy: { name: "asc" }, skip: query.offset, take: query.limit }),
    prisma.cluster.count({ where }),
  ]);
  const flaps = await countRecentFlaps(rows.map((r) => r.id));
  return { items: rows.map((r) => toClusterDto(r, flaps.get(r.id) ?? 0)), total };
}
