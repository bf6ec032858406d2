import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TInventoryNode, TInventoryQuery, TNodeHardware } from "@/lib/shared/inventory/inventory.schema";
import { ALL_CLUSTERS, clusterIdWhere, type ClusterScope } from "../access/cluster-scope";
import { prisma } from "../db/prisma";

/**
 * The nodes of the hardware inventory that match `query`, by cluster name then node name,
 * from the collector's rows (never a live call: offline clusters keep their last-known
 * hardware). Rows of deleted clusters, and of clusters out of `scope`, are left out.
 */
export async function queryInventoryNodes(query: TInventoryQuery, scope: ClusterScope = ALL_CLUSTERS): Promise<TInventoryNode[]> {
  const clusters = await prisma.cluster.findMany({ where: clusterIdWhere(scope), select: { id: true, name: true, displayName: true } });
  const names = new Map(clusters.map((c) => [c.id, c.displayName || c.name]));
  const q = query.q?.toLowerCase();
  const where: Prisma.FleetNodeWhereInput = {
    clusterId: { in: clusters.map((c) => c.id) },
    ...(query.arch ? { architecture: query.arch } : {}),
    ...(query.os ? { osImage: query.os } : {}),
    ...(query.kernel ? { kernelVersion: query.kernel } : {}),
    ...(query.version ? { kubeletVersion: query.version } : {}),
    ...(query.resource ? { resources: { has: query.resource } } : {}),
    ...(query.gpu ? { accelerators: { gt: 0 } } : {}),
    ...(query.rt ? { realtime: true } : {}),
  };
  if (q) {
    const matchingClusters = clusters.filter((c) => c.name.toLowerCase().includes(q) || c.displayName.toLowerCase().includes(q)).map((c) => c.id);
    where.OR = [{ name: { contains: q, mode: "insensitive" } }, { clusterId: { in: matchingClusters } }];
  }
  const [rows, snapshots] = await Promise.all([
    prisma.fleetNode.findMany({ where }),
    prisma.fleetSnapshot.findMany({ select: { clusterId: true, collectedAt: true } }),
  ]);
  const collected = new Map(snapshots.map((s) => [s.clusterId, s.collectedAt.toISOString()]));
  return rows
    .map((r) => ({
      clusterId: r.clusterId,
      clusterName: names.get(r.clusterId) ?? r.clusterId,
      name: r.name,
      architecture: r.architecture,
      operatingSystem: r.operatingSystem,
      osImage: r.osImage,
      kernelVersion: r.kernelVersion,
      containerRuntime: r.containerRuntime,
      kubeletVersion: r.kubeletVersion,
      roles: r.roles,
      cpuCapacity: r.cpuCapacity,
      memoryCapacity: r.memoryCapacity,
      cpuAllocatable: r.cpuAllocatable,
      memoryAllocatable: r.memoryAllocatable,
      extended: r.extended as Record<string, string>,
      accelerators: r.accelerators,
      taints: r.taints as TNodeHardware["taints"],
      realtime: r.realtime,
      ready: r.ready,
      collectedAt: collected.get(r.clusterId) ?? r.updatedAt.toISOString(),
    }))
    .sort((a, b) => a.clusterName.localeCompare(b.clusterName) || a.name.localeCompare(b.name));
}
