// GET /api/v1/clusters/[id]/edgex/services/[namespace]/[name]/config – a service's configuration, secrets masked
import { defineRoute } from "@/lib/server/http/define-route";
import { getEdgexServiceConfig } from "@/lib/server/edgex/get-edgex-service-config";
import { ZEdgexServiceParamsSchema } from "@/lib/shared/edgex/edgex-api.schema";

export const GET = defineRoute({ access: "clusters:read", params: ZEdgexServiceParamsSchema }, ({ params }) => getEdgexServiceConfig(params.id, params.namespace, params.name));
