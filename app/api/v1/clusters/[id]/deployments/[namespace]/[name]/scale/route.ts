// POST /api/v1/clusters/[id]/deployments/[namespace]/[name]/scale {replicas} – scale (operator/admin, audited)
import { defineRoute } from "@/lib/server/http/define-route";
import { scaleDeployment } from "@/lib/server/explorer/scale-deployment";
import { ZNamespacedObjectParamsSchema, ZScaleBodySchema } from "@/lib/shared/explorer/explorer.schema";

export const POST = defineRoute({ access: "clusters:act", params: ZNamespacedObjectParamsSchema, body: ZScaleBodySchema }, ({ principal, params, body, meta }) =>
  scaleDeployment(principal, meta, params.id, params.namespace, params.name, body.replicas),
);
