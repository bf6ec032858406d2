// GET    /api/v1/clusters/[id]/pods/[namespace]/[name] – one pod: YAML, owner, node, events
// DELETE /api/v1/clusters/[id]/pods/[namespace]/[name] – delete the pod (operator/admin, audited)
import { defineRoute } from "@/lib/server/http/define-route";
import { kubeNamespacedDetailRoute } from "@/lib/server/explorer/define-kube-routes";
import { deletePod } from "@/lib/server/explorer/delete-pod";
import { ZNamespacedObjectParamsSchema } from "@/lib/shared/explorer/explorer.schema";

export const GET = kubeNamespacedDetailRoute("pods");

export const DELETE = defineRoute({ access: "clusters:act", params: ZNamespacedObjectParamsSchema }, ({ principal, params, meta }) =>
  deletePod(principal, meta, params.id, params.namespace, params.name),
);
