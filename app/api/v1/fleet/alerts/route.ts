// GET /api/v1/fleet/alerts?status=open|resolved|all&clusterId=&rule= – alerts, open ones by severity then age
import { clusterScopeOf } from "@/lib/server/access/cluster-scope";
import { listFleetAlerts } from "@/lib/server/fleet/list-fleet-alerts";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZFleetAlertsQuerySchema } from "@/lib/shared/fleet/fleet-query.schema";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ access: "clusters:read", query: ZFleetAlertsQuerySchema }, async ({ query, principal }) => listFleetAlerts(query, await clusterScopeOf(principal)));
