// GET /api/v1/clusters/[id]/edgex/events?device=&limit= – the newest events (of one device or all)
import { defineRoute } from "@/lib/server/http/define-route";
import { listEdgexEvents } from "@/lib/server/edgex/list-edgex-events";
import { ZEdgexLatestQuerySchema } from "@/lib/shared/edgex/edgex-api.schema";
import { ZClusterParamsSchema } from "@/lib/shared/explorer/explorer.schema";

export const GET = defineRoute({ access: "clusters:read", params: ZClusterParamsSchema, query: ZEdgexLatestQuerySchema }, ({ params, query }) => listEdgexEvents(params.id, query));
