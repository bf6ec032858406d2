// GET /api/v1/clusters/[id]/overview – versions, servers/HA, nodes ready, pods by phase, deployments, warnings
import { defineRoute } from "@/lib/server/http/define-route";
import { getClusterOverview } from "@/lib/server/explorer/get-cluster-overview";
import { ZClusterParamsSchema } from "@/lib/shared/explorer/explorer.schema";

export const GET = defineRoute({ access: "clusters:read", params: ZClusterParamsSchema }, ({ principal, params }) => getClusterOverview(principal, params.id));
