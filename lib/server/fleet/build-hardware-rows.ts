import "server-only";
import { createHash } from "node:crypto";
import type { TNodeHardware } from "@/lib/shared/inventory/inventory.schema";
import type { ClusterHealthSource } from "./cluster-health-source";

export type HardwareRow = TNodeHardware & { ready: boolean };

/**
 * The inventory rows of one cluster (one per node, from the collector's node cache) and a
 * hash of them, so the writer rewrites a cluster's rows only when its hardware changed.
 */
export function buildHardwareRows(source: ClusterHealthSource): { rows: HardwareRow[]; hash: string } {
  const rows = [...source.nodes.values()].map((n) => ({ ...n.hardware, ready: n.ready })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { rows, hash: createHash("sha256").update(JSON.stringify(rows)).digest("hex") };
}
