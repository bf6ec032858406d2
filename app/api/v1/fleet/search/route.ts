// GET /api/v1/fleet/search?q=&kind=pod|node|deployment|edgex-device – pods, nodes, deployments, EdgeX devices across the fleet (snapshot index)
import { clusterScopeOf } from "@/lib/server/access/cluster-scope";
import { searchFleet } from "@/lib/server/fleet/search-fleet";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZFleetSearchQuerySchema } from "@/lib/shared/fleet/fleet-query.schema";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ access: "clusters:read", query: ZFleetSearchQuerySchema }, async ({ query, principal }) => searchFleet(query, await clusterScopeOf(principal)));
