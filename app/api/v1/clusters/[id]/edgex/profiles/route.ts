// GET /api/v1/clusters/[id]/edgex/profiles?offset=&limit=&labels= – a page of device profiles
import { defineRoute } from "@/lib/server/http/define-route";
import { listEdgexProfiles } from "@/lib/server/edgex/list-edgex-profiles";
import { ZEdgexPageQuerySchema } from "@/lib/shared/edgex/edgex-api.schema";
import { ZClusterParamsSchema } from "@/lib/shared/explorer/explorer.schema";

export const GET = defineRoute({ access: "clusters:read", params: ZClusterParamsSchema, query: ZEdgexPageQuerySchema }, ({ params, query }) => listEdgexProfiles(params.id, query));
