import "server-only";
import { inventoryCsv } from "@/lib/shared/inventory/inventory-csv";
import type { TInventoryQuery } from "@/lib/shared/inventory/inventory.schema";
import type { ClusterScope } from "../access/cluster-scope";
import { queryInventoryNodes } from "./query-inventory-nodes";

/** Every node of the inventory that matches `query`, as a CSV download (the page's filters). */
export async function exportInventoryCsv(query: TInventoryQuery, now = new Date(), scope?: ClusterScope): Promise<Response> {
  const csv = inventoryCsv(await queryInventoryNodes(query, scope));
  const stamp = now.toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="outpost-inventory-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}
