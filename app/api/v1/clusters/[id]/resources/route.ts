// GET /api/v1/clusters/[id]/resources – every resource the cluster serves (aggregated discovery, CRDs included)
import { defineRoute } from "@/lib/server/http/define-route";
import { listApiResources } from "@/lib/server/resources/list-api-resources";
import { ZClusterParamsSchema } from "@/lib/shared/explorer/explorer.schema";

export const GET = defineRoute({ access: "clusters:read", params: ZClusterParamsSchema }, ({ params }) => listApiResources(params.id));
