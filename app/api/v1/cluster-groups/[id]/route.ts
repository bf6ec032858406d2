// GET /api/v1/cluster-groups/{id} – one group
// PUT /api/v1/cluster-groups/{id} – replace {name, description?, clusterSelector | clusterIds}; bundles targeting it follow
// DELETE /api/v1/cluster-groups/{id} – delete; 409 while a bundle uses it
import { auditActorOf } from "@/lib/server/auth/principal";
import { deleteClusterGroup } from "@/lib/server/cluster-groups/delete-cluster-group";
import { getClusterGroup } from "@/lib/server/cluster-groups/list-cluster-groups";
import { saveClusterGroup } from "@/lib/server/cluster-groups/save-cluster-group";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZClusterGroupInputSchema, ZClusterGroupParamsSchema } from "@/lib/shared/cluster-groups/cluster-groups.schema";

export const GET = defineRoute({ access: "bundles:read", params: ZClusterGroupParamsSchema }, async ({ params }) => getClusterGroup(params.id));

export const PUT = defineRoute({ access: "groups:write", params: ZClusterGroupParamsSchema, body: ZClusterGroupInputSchema }, async ({ principal, params, body, meta }) =>
  saveClusterGroup(params.id, body, auditActorOf(principal), meta),
);

export const DELETE = defineRoute({ access: "groups:write", params: ZClusterGroupParamsSchema }, async ({ principal, params, meta }) => {
  await deleteClusterGroup(params.id, auditActorOf(principal), meta);
  return { ok: true };
});
