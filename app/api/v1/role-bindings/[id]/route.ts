// DELETE /api/v1/role-bindings/[id] – remove a role binding (admin; audited)
import { auditActorOf } from "@/lib/server/auth/principal";
import { defineRoute } from "@/lib/server/http/define-route";
import { deleteRoleBinding } from "@/lib/server/role-bindings/delete-role-binding";
import { ZRoleBindingParamsSchema } from "@/lib/shared/access/role-bindings.schema";

export const DELETE = defineRoute({ access: "users:write", params: ZRoleBindingParamsSchema }, async ({ principal, params, meta }) => {
  await deleteRoleBinding(params.id, auditActorOf(principal), meta);
  return { ok: true };
});
