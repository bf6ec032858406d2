import "server-only";
import { log } from "../log/logger";
import { getRuntimeContext } from "../runtime/runtime-context";
import { registerUpgradeHandler } from "../runtime/upgrade-handlers";
import { closeLocalTunnel, connectedClusterIds } from "../tunnel/tunnel-registry";
import { startLeaderLock } from "./leader-lock";
import { servePeerDial } from "./serve-peer-dial";
import { listenForTunnelCloses } from "./tunnel-close-notices";
import { startTunnelLeases } from "./tunnel-leases";

/**
 * Lets several console replicas share one database (docs/OPERATIONS.md, "Several
 * replicas"): tunnel leases say which replica holds each cluster's agent, the peer-dial
 * endpoint lets the others reach it, a PostgreSQL advisory lock elects the replica that
 * runs the run-once jobs, and close notices end a revoked agent's tunnel wherever it is.
 * A single console runs the same code and is simply always the leader.
 */
export async function startReplicaCoordination(): Promise<() => Promise<void>> {
  const { config } = getRuntimeContext();
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set (server.ts sets it before the handlers start)");
  registerUpgradeHandler("/v3/peer/dial", servePeerDial);
  const stopLeases = await startTunnelLeases({
    replicaId: config.replicaId,
    peerUrl: config.peerUrl,
    localIds: connectedClusterIds,
    onLost: (clusterId) => closeLocalTunnel(clusterId, "the agent connected to another console replica"),
  });
  const stopLeader = await startLeaderLock(databaseUrl);
  const stopNotices = listenForTunnelCloses(databaseUrl, (clusterId, reason, before) => closeLocalTunnel(clusterId, reason, before));
  log.info(`Replica ${config.replicaId} (peers reach it at ${config.peerUrl})`);
  return async () => {
    stopLeases();
    await stopNotices();
    await stopLeader();
  };
}
