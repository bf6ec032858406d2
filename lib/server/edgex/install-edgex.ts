import "server-only";
import { registerEdgexSummarySource } from "../fleet/edgex-summary-source";
import { getEdgexFleetSummary } from "./get-edgex-fleet-summary";

/**
 * Registers the EdgeX summary source of the fleet collector (issue 6). Returns the
 * shutdown step, which unregisters it so a stopping collector reads no more clusters.
 */
export function installEdgex(): () => void {
  registerEdgexSummarySource((clusterId) => getEdgexFleetSummary(clusterId));
  return () => registerEdgexSummarySource(undefined);
}
