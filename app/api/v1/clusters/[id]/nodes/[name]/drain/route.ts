// GET /api/v1/clusters/[id]/nodes/[name]/drain – what draining the node evicts and skips (operator/admin)
import { defineRoute } from "@/lib/server/http/define-route";
import { planNodeDrain } from "@/lib/server/node-drain/plan-node-drain";
import { ZClusterObjectParamsSchema } from "@/lib/shared/explorer/explorer.schema";

export const GET = defineRoute({ access: "clusters:act", params: ZClusterObjectParamsSchema }, ({ principal, params }) => planNodeDrain(principal, params.id, params.name));
