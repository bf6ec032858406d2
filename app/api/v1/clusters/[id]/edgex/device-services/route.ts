// GET /api/v1/clusters/[id]/edgex/device-services?offset=&limit=&labels= – a page of device services
import { defineRoute } from "@/lib/server/http/define-route";
import { listEdgexDeviceServices } from "@/lib/server/edgex/list-edgex-device-services";
import { ZEdgexPageQuerySchema } from "@/lib/shared/edgex/edgex-api.schema";
import { ZClusterParamsSchema } from "@/lib/shared/explorer/explorer.schema";

export const GET = defineRoute({ access: "clusters:read", params: ZClusterParamsSchema, query: ZEdgexPageQuerySchema }, ({ params, query }) => listEdgexDeviceServices(params.id, query));
