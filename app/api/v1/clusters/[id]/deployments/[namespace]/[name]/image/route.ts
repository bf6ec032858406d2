// POST /api/v1/clusters/[id]/deployments/[namespace]/[name]/image {container, image} – kubectl set image (operator/admin, audited)
import { defineRoute } from "@/lib/server/http/define-route";
import { setContainerImage } from "@/lib/server/workload-actions/set-container-image";
import { ZNamespacedObjectParamsSchema } from "@/lib/shared/explorer/explorer.schema";
import { ZSetImageBodySchema } from "@/lib/shared/workload-actions/workload-actions.schema";

export const POST = defineRoute({ access: "clusters:act", params: ZNamespacedObjectParamsSchema, body: ZSetImageBodySchema }, ({ principal, params, body, meta }) =>
  setContainerImage(principal, meta, params.id, "deployments", params.namespace, params.name, body),
);
