import "server-only";
import { hashSearchEntries, searchItemsOf, toSearchEntries, type SearchEntry } from "@/lib/shared/fleet/search-entries";
import type { ClusterHealthSource } from "./cluster-health-source";

export type { SearchEntry };

/**
 * The search-index rows of one cluster (pods, nodes, deployments, EdgeX devices) and a hash
 * of them, so the collector rewrites a cluster's rows only when something changed.
 */
export function buildSearchEntries(source: ClusterHealthSource): { entries: SearchEntry[]; hash: string } {
  const entries = toSearchEntries(searchItemsOf({ pods: source.pods.values(), nodes: source.nodes.values(), deployments: source.deployments.values(), edgexDevices: source.edgex?.devices ?? [] }));
  return { entries, hash: hashSearchEntries(entries) };
}
