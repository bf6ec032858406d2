// GET /api/v1/clusters/[id]/edgex – EdgeX services (ping latency, version), release, summary (services up/total, devices up/total, last reading age)
import { defineRoute } from "@/lib/server/http/define-route";
import { getEdgexOverview } from "@/lib/server/edgex/get-edgex-overview";
import { ZClusterParamsSchema } from "@/lib/shared/explorer/explorer.schema";

export const GET = defineRoute({ access: "clusters:read", params: ZClusterParamsSchema }, ({ params, req }) => getEdgexOverview(params.id, req.signal));
