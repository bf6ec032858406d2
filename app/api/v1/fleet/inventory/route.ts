// GET /api/v1/fleet/inventory?arch=&os=&kernel=&version=&resource=&gpu=1&rt=1&q= – node hardware across the fleet (collector snapshots)
import { clusterScopeOf } from "@/lib/server/access/cluster-scope";
import { getFleetInventory } from "@/lib/server/inventory/get-fleet-inventory";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZInventoryQuerySchema } from "@/lib/shared/inventory/inventory.schema";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ access: "clusters:read", query: ZInventoryQuerySchema }, async ({ query, principal }) => getFleetInventory(query, await clusterScopeOf(principal)));
