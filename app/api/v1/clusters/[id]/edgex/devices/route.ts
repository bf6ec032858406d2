// GET /api/v1/clusters/[id]/edgex/devices?offset=&limit=&labels= – a page of devices with their last reading time
import { defineRoute } from "@/lib/server/http/define-route";
import { listEdgexDevices } from "@/lib/server/edgex/list-edgex-devices";
import { ZEdgexPageQuerySchema } from "@/lib/shared/edgex/edgex-api.schema";
import { ZClusterParamsSchema } from "@/lib/shared/explorer/explorer.schema";

export const GET = defineRoute({ access: "clusters:read", params: ZClusterParamsSchema, query: ZEdgexPageQuerySchema }, ({ params, query }) => listEdgexDevices(params.id, query));
