import "server-only";
import { countBy } from "@/lib/shared/inventory/count-inventory";
import { INVENTORY_FACETS, type TInventory, type TInventoryQuery } from "@/lib/shared/inventory/inventory.schema";
import type { ClusterScope } from "../access/cluster-scope";
import { queryInventoryNodes } from "./query-inventory-nodes";

/** Nodes listed on the page; the counts cover every match, the CSV lists every match. */
export const INVENTORY_PAGE_NODES = 1_000;

/** The fleet hardware inventory for `query`: totals, counts by facet, and the matching nodes. */
export async function getFleetInventory(query: TInventoryQuery, scope?: ClusterScope): Promise<TInventory> {
  const nodes = await queryInventoryNodes(query, scope);
  return {
    totals: {
      nodes: nodes.length,
      clusters: new Set(nodes.map((n) => n.clusterId)).size,
      accelerators: nodes.reduce((sum, n) => sum + n.accelerators, 0),
      realtime: nodes.filter((n) => n.realtime).length,
    },
    counts: Object.fromEntries(INVENTORY_FACETS.map((f) => [f, countBy(nodes, f)])) as TInventory["counts"],
    nodes: nodes.slice(0, INVENTORY_PAGE_NODES),
    truncated: nodes.length > INVENTORY_PAGE_NODES,
  };
}
