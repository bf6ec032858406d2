// POST /api/v1/clusters/[id]/deployments/[namespace]/[name]/resume – rollout resume (operator/admin, audited)
import { defineRoute } from "@/lib/server/http/define-route";
import { setDeploymentPaused } from "@/lib/server/workload-rollback/set-deployment-paused";
import { ZNamespacedObjectParamsSchema } from "@/lib/shared/explorer/explorer.schema";

export const POST = defineRoute({ access: "clusters:act", params: ZNamespacedObjectParamsSchema }, ({ principal, params, meta }) =>
  setDeploymentPaused(principal, meta, params.id, params.namespace, params.name, false),
);
