// GET /api/v1/role-bindings – every role binding (admin)
// POST /api/v1/role-bindings – add one {subjectKind: user|group, subject, role, clusterGroup?} (admin; audited)
import { auditActorOf } from "@/lib/server/auth/principal";
import { defineRoute } from "@/lib/server/http/define-route";
import { createRoleBinding } from "@/lib/server/role-bindings/create-role-binding";
import { listRoleBindings } from "@/lib/server/role-bindings/list-role-bindings";
import { ZRoleBindingInputSchema } from "@/lib/shared/access/role-bindings.schema";

export const GET = defineRoute({ access: "users:read" }, async () => listRoleBindings());

export const POST = defineRoute({ access: "users:write", body: ZRoleBindingInputSchema }, async ({ principal, body, meta }) =>
  Response.json(await createRoleBinding(body, auditActorOf(principal), meta), { status: 201 }),
);
