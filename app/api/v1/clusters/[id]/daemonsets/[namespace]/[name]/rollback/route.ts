// GET  /api/v1/clusters/[id]/daemonsets/[namespace]/[name]/rollback – revision history (ControllerRevisions) with pod templates (operator/admin)
// POST /api/v1/clusters/[id]/daemonsets/[namespace]/[name]/rollback {revision?} – roll back (operator/admin, audited)
import { defineRoute } from "@/lib/server/http/define-route";
import { identityOf } from "@/lib/server/k8s/kube-identity";
import { readWorkloadHistory } from "@/lib/server/workload-rollback/read-workload-history";
import { rollbackControllerRevision } from "@/lib/server/workload-rollback/rollback-controller-revision";
import { ZNamespacedObjectParamsSchema } from "@/lib/shared/explorer/explorer.schema";
import { ZRollbackBodySchema } from "@/lib/shared/workload-rollback/workload-rollback.schema";

export const GET = defineRoute({ access: "clusters:act", params: ZNamespacedObjectParamsSchema }, ({ principal, params }) =>
  readWorkloadHistory(params.id, identityOf(principal), "daemonsets", params.namespace, params.name),
);

export const POST = defineRoute({ access: "clusters:act", params: ZNamespacedObjectParamsSchema, body: ZRollbackBodySchema }, ({ principal, params, body, meta }) =>
  rollbackControllerRevision(principal, meta, params.id, "daemonsets", params.namespace, params.name, body.revision),
);
