// POST /api/v1/clusters/[id]/cronjobs/[namespace]/[name]/trigger – run now: a Job from the jobTemplate, like kubectl create job --from (operator/admin, audited)
import { defineRoute } from "@/lib/server/http/define-route";
import { triggerCronJob } from "@/lib/server/workload-actions/trigger-cronjob";
import { ZNamespacedObjectParamsSchema } from "@/lib/shared/explorer/explorer.schema";

export const POST = defineRoute({ access: "clusters:act", params: ZNamespacedObjectParamsSchema }, ({ principal, params, meta }) =>
  triggerCronJob(principal, meta, params.id, params.namespace, params.name),
);
