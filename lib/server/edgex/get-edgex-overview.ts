import "server-only";
import type { TEdgexOverview } from "@/lib/shared/edgex/edgex-api.schema";
import { toClusterRef } from "../explorer/to-cluster-ref";
import { buildEdgexOverview } from "@/lib/shared/edgex/build-edgex-overview";
import { openEdgexContext } from "./open-edgex-context";

/**
 * `GET /api/v1/clusters/{id}/edgex`: services with ping latency and version, the release,
 * and the summary (services up/total, devices up/total, age of the newest reading). A
 * cluster that cannot be asked comes back as `error`; a failing service as its own row.
 */
export async function getEdgexOverview(clusterId: string, signal?: AbortSignal): Promise<TEdgexOverview> {
  const opened = await openEdgexContext(clusterId, null, signal);
  const cluster = toClusterRef(opened.cluster);
  if (!opened.ctx) {
    return { cluster, checkedAt: new Date().toISOString(), detected: false, release: null, services: [], summary: null, devicesFailure: null, readingsFailure: null, error: opened.error };
  }
  const { devices: _devices, ...core } = await buildEdgexOverview(opened.ctx);
  return { cluster, ...core, error: null };
}
