import type { TEdgexSummary } from "../fleet/fleet.schema";
import type { EdgexDeviceItem } from "../fleet/search-entries";
import type { EdgexOverviewCore } from "./build-edgex-overview";

/** Devices indexed for the fleet search per cluster (the search shows names, not thousands of rows). */
export const SEARCH_DEVICE_CAP = 500;

/** A cluster's EdgeX as the fleet stores it: the snapshot's summary, the services down (alert text), devices for search. */
export type TFleetEdgexStatus = TEdgexSummary & { servicesDown: string[]; devices: EdgexDeviceItem[] };

/**
 * The fleet's view of an EdgeX overview — the same whether the console read it through the
 * tunnel (protocol ≤ 3 agents) or the agent read it from its own apiserver (protocol 4).
 * Null when the cluster runs no EdgeX.
 */
export function fleetEdgexStatus(overview: EdgexOverviewCore): TFleetEdgexStatus | null {
  if (!overview.summary) return null;
  const { lastReadingAgeSeconds: _age, ...summary } = overview.summary;
  return {
    ...summary,
    servicesDown: overview.services.filter((s) => s.up === false).map((s) => s.name),
    devices: (overview.devices ?? []).slice(0, SEARCH_DEVICE_CAP).map((d) => ({ name: d.name, labels: d.labels, status: d.operatingState })),
  };
}
