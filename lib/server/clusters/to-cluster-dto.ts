import "server-only";
import type { Cluster } from "@/lib/generated/prisma/client";
import type { TCluster, TImportCommands } from "@/lib/shared/clusters/clusters.schema";
import { getRuntimeContext } from "../runtime/runtime-context";
import { isClusterConnected } from "../tunnel/tunnel-registry";

/**
 * The API shape of a cluster; `flapsPerHour` from countRecentFlaps (0 for a cluster just
 * created); `importCommands` only when a token was just issued.
 */
export function toClusterDto(cluster: Cluster, flapsPerHour: number, importCommands: TImportCommands | null = null): TCluster {
  return {
    id: cluster.id,
    name: cluster.name,
    displayName: cluster.displayName,
    description: cluster.description,
    labels: (cluster.labels ?? {}) as Record<string, string>,
    region: cluster.region,
    site: cluster.site,
    createdAt: cluster.createdAt.toISOString(),
    updatedAt: cluster.updatedAt.toISOString(),
    state: cluster.state,
    stateReason: cluster.stateReason,
    stateSince: cluster.stateSince.toISOString(),
    lastSeenAt: cluster.lastSeenAt?.toISOString() ?? null,
    kubernetesVersion: cluster.kubernetesVersion,
    nodeCount: cluster.nodeCount,
    serverCount: cluster.serverCount,
    agentVersion: cluster.agentVersion,
    connected: isClusterConnected(cluster.id),
    flapsPerHour,
    caChecksum: getRuntimeContext().caChecksum,
    importCommands,
  };
}
