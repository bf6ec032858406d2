import "server-only";
import type { Cluster } from "@/lib/generated/prisma/client";
import type { TClusterRef } from "@/lib/shared/explorer/explorer.schema";
import { isClusterConnected } from "../tunnel/tunnel-registry";

/** The cluster part of explorer responses: identity plus what the stale marker needs. */
export function toClusterRef(cluster: Cluster): TClusterRef {
  return {
    id: cluster.id,
    name: cluster.name,
    displayName: cluster.displayName,
    state: cluster.state,
    stateReason: cluster.stateReason,
    stateSince: cluster.stateSince.toISOString(),
    lastSeenAt: cluster.lastSeenAt?.toISOString() ?? null,
    connected: isClusterConnected(cluster.id),
  };
}
