// POST /api/v1/clusters/[id]/cronjobs/[namespace]/[name]/resume – resume the schedule (spec.suspend) (operator/admin, audited)
import { defineRoute } from "@/lib/server/http/define-route";
import { setCronJobSuspended } from "@/lib/server/workload-actions/set-cronjob-suspended";
import { ZNamespacedObjectParamsSchema } from "@/lib/shared/explorer/explorer.schema";

export const POST = defineRoute({ access: "clusters:act", params: ZNamespacedObjectParamsSchema }, ({ principal, params, meta }) =>
  setCronJobSuspended(principal, meta, params.id, params.namespace, params.name, false),
);
