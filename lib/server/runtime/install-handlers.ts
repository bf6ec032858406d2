import "server-only";
import { startClusterStateMonitor } from "../clusters/cluster-state-monitor";
import { installEdgex } from "../edgex/install-edgex";
import { installExplorer } from "../explorer/install-explorer";
import { startBundleDriver } from "../bundles/bundle-driver";
import { startGitPoller } from "../bundles/git-poller";
import { startFleetCollector } from "../fleet/start-fleet-collector";
import { startWithdrawalSweep } from "../streams/end-withdrawn-streams";
import { watchDatabase } from "../db/watch-database";
import { createTunnelGateway } from "../tunnel/tunnel-gateway";
import { serveMetrics } from "../metrics/serve-metrics";
import { startReplicaCoordination } from "../replicas/start-replica-coordination";
import { registerPodShell } from "../pod-shell/register-pod-shell";
import { registerRawHandler } from "./raw-handlers";
import { getRuntimeContext } from "./runtime-context";
import { registerUpgradeHandler } from "./upgrade-handlers";

/**
 * Registers the console's non-Next handlers (WebSocket upgrades, raw streaming routes)
 * and starts its background jobs. Called once by server.ts after the database is ready;
 * returns a function that stops the jobs (called at shutdown, before the DB closes).
 * Each feature adds its lines here.
 */
export async function installHandlers(): Promise<() => Promise<void>> {
  const stops: Array<() => Promise<void> | void> = [];
  // First: the other jobs ask whether this replica leads and which replica holds a tunnel.
  stops.push(await startReplicaCoordination());

  const monitor = startClusterStateMonitor();
  stops.push(() => monitor.stop());
  const gateway = createTunnelGateway((clusterId) => monitor.check(clusterId));
  registerUpgradeHandler("/v3/connect", (req, socket, head) => gateway.handleUpgrade(req, socket, head));
  stops.push(() => gateway.close());
  stops.push(startFleetCollector()); // fleet health collector (issue 7): snapshots, alerts, webhook
  stops.push(installExplorer()); // kubectl passthrough /k8s/clusters (issue 5); stops shared watches
  stops.push(registerPodShell({ idleTimeoutMs: getRuntimeContext().config.shellIdleTimeoutMs })); // browser shell WebSocket (issue 14)
  stops.push(installEdgex()); // EdgeX summary source of the fleet collector (issue 6)
  stops.push(startBundleDriver()); // bundle rollouts (issue 15), leader only
  stops.push(startGitPoller()); // Git-sourced bundles: new commit → new revision (issue 15), leader only
  registerRawHandler("/metrics", serveMetrics); // Prometheus scrape endpoint (OUTPOST_METRICS_TOKEN)
  stops.push(watchDatabase()); // 503 + Retry-After while the database is away, recovery without restart (issue 12)
  stops.push(startWithdrawalSweep()); // ends long-lived streams of disabled users, revoked tokens, … (issue 12)

  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
