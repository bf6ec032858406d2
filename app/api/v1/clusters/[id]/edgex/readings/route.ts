// GET /api/v1/clusters/[id]/edgex/readings?device=&limit= – the newest readings (of one device or all)
import { defineRoute } from "@/lib/server/http/define-route";
import { listEdgexReadings } from "@/lib/server/edgex/list-edgex-readings";
import { ZEdgexLatestQuerySchema } from "@/lib/shared/edgex/edgex-api.schema";
import { ZClusterParamsSchema } from "@/lib/shared/explorer/explorer.schema";

export const GET = defineRoute({ access: "clusters:read", params: ZClusterParamsSchema, query: ZEdgexLatestQuerySchema }, ({ params, query }) => listEdgexReadings(params.id, query));
