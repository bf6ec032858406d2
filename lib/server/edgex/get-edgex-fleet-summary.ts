import "server-only";
import type { EdgexSummaryResult } from "../fleet/edgex-summary-source";
import { buildEdgexOverview } from "@/lib/shared/edgex/build-edgex-overview";
import { fleetEdgexStatus } from "@/lib/shared/edgex/fleet-edgex-status";
import { edgexTimeoutMs } from "./edgex-config";
import { discoverEdgexServices } from "./discover-edgex-services";
import { kubeProxyTransport } from "./kube-proxy-transport";

/**
 * Per-call deadline for the collector: discovery then one parallel round of EdgeX calls
 * must fit the collector's own timeout (10 s by default), so each step gets at most 4 s.
 */
const FLEET_STEP_MS = 4_000;

/**
 * The fleet collector's EdgeX summary of one cluster (registered as the EdgeX summary
 * source): null when the cluster runs no EdgeX; otherwise services up/total (names of the
 * down ones for the alert text), devices up/total, the newest reading, and device names
 * for the fleet search. Called once per pass per Active cluster, as the console itself.
 */
export async function getEdgexFleetSummary(clusterId: string): Promise<EdgexSummaryResult | null> {
  const timeoutMs = Math.min(edgexTimeoutMs(), FLEET_STEP_MS);
  const services = await discoverEdgexServices(clusterId, timeoutMs);
  if (services.length === 0) return null;
  const overview = await buildEdgexOverview({ clusterId, transport: kubeProxyTransport(clusterId, null), services, timeoutMs });
  return fleetEdgexStatus(overview);
}
