// POST /api/v1/clusters/[id]/deployments/[namespace]/[name]/restart – rollout restart (operator/admin, audited)
import { defineRoute } from "@/lib/server/http/define-route";
import { restartDeployment } from "@/lib/server/explorer/restart-deployment";
import { ZNamespacedObjectParamsSchema } from "@/lib/shared/explorer/explorer.schema";

export const POST = defineRoute({ access: "clusters:act", params: ZNamespacedObjectParamsSchema }, ({ principal, params, meta }) =>
  restartDeployment(principal, meta, params.id, params.namespace, params.name),
);
