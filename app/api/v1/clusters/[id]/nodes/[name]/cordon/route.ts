// POST /api/v1/clusters/[id]/nodes/[name]/cordon – mark the node unschedulable (operator/admin, audited)
import { defineRoute } from "@/lib/server/http/define-route";
import { setNodeSchedulable } from "@/lib/server/explorer/set-node-schedulable";
import { ZClusterObjectParamsSchema } from "@/lib/shared/explorer/explorer.schema";

export const POST = defineRoute({ access: "clusters:act", params: ZClusterObjectParamsSchema }, ({ principal, params, meta }) =>
  setNodeSchedulable(principal, meta, params.id, params.name, false),
);
