// GET /api/v1/clusters/[id]/resources/[group]/[version]/[resource]/[namespace]/[name] (or …/[name] when cluster-scoped)
// – one object of any resource as the user: YAML, events, owner chain, children, related objects
// DELETE …?propagationPolicy=Background|Foreground|Orphan – delete it as the user (operator/admin, audited)
import { defineRoute } from "@/lib/server/http/define-route";
import { deleteResourceObject } from "@/lib/server/resources/delete-resource-object";
import { getResourceObject } from "@/lib/server/resources/get-resource-object";
import { ZDeleteObjectQuerySchema } from "@/lib/shared/object-delete/object-delete.schema";
import { ZResourceObjectParamsSchema } from "@/lib/shared/resources/resources.schema";

export const GET = defineRoute({ access: "clusters:read", params: ZResourceObjectParamsSchema }, ({ principal, params }) => getResourceObject(principal, params));

export const DELETE = defineRoute({ access: "clusters:act", params: ZResourceObjectParamsSchema, query: ZDeleteObjectQuerySchema }, ({ principal, params, query, meta }) =>
  deleteResourceObject(principal, meta, params, query.propagationPolicy),
);
