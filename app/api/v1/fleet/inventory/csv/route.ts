// GET /api/v1/fleet/inventory/csv?… – the same filters as /api/v1/fleet/inventory, every matching node as CSV
import { clusterScopeOf } from "@/lib/server/access/cluster-scope";
import { exportInventoryCsv } from "@/lib/server/inventory/export-inventory-csv";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZInventoryQuerySchema } from "@/lib/shared/inventory/inventory.schema";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ access: "clusters:read", query: ZInventoryQuerySchema }, async ({ query, principal }) => exportInventoryCsv(query, new Date(), await clusterScopeOf(principal)));
