// GET /api/v1/clusters/[id]/resources/[group]/[version]/[resource]/[namespace]/[name] (or …/[name] when cluster-scoped)
// – one object of any resource as the user: YAML, events, owner chain, children, related objects
import { defineRoute } from "@/lib/server/http/define-route";
import { getResourceObject } from "@/lib/server/resources/get-resource-object";
import { ZResourceObjectParamsSchema } from "@/lib/shared/resources/resources.schema";

export const GET = defineRoute({ access: "clusters:read", params: ZResourceObjectParamsSchema }, ({ principal, params }) => getResourceObject(principal, params));
