// GET  /api/v1/clusters/[id]/deployments/[namespace]/[name]/rollback – revision history (operator/admin)
// POST /api/v1/clusters/[id]/deployments/[namespace]/[name]/rollback {revision?} – roll back (operator/admin, audited)
import { defineRoute } from "@/lib/server/http/define-route";
import { identityOf } from "@/lib/server/k8s/kube-identity";
import { readDeploymentHistory } from "@/lib/server/workload-rollback/deployment-history";
import { rollbackDeployment } from "@/lib/server/workload-rollback/rollback-deployment";
import { ZNamespacedObjectParamsSchema } from "@/lib/shared/explorer/explorer.schema";
import { ZRollbackBodySchema } from "@/lib/shared/workload-rollback/workload-rollback.schema";

export const GET = defineRoute({ access: "clusters:act", params: ZNamespacedObjectParamsSchema }, async ({ principal, params }) => ({
  revisions: (await readDeploymentHistory(params.id, identityOf(principal), params.namespace, params.name)).revisions,
}));

export const POST = defineRoute({ access: "clusters:act", params: ZNamespacedObjectParamsSchema, body: ZRollbackBodySchema }, ({ principal, params, body, meta }) =>
  rollbackDeployment(principal, meta, params.id, params.namespace, params.name, body.revision),
);
