// GET /api/v1/users/{id} – one user (admin)
// PATCH /api/v1/users/{id} – change displayName, role or disabled (admin)
import { auditActorOf } from "@/lib/server/auth/principal";
import { defineRoute } from "@/lib/server/http/define-route";
import { getUserOrThrow } from "@/lib/server/users/get-user-or-throw";
import { toUserDto } from "@/lib/server/users/to-user-dto";
import { updateUser } from "@/lib/server/users/update-user";
import { ZUpdateUserSchema, ZUserIdParamsSchema } from "@/lib/shared/users/users.schema";

export const GET = defineRoute({ access: "users:read", params: ZUserIdParamsSchema }, async ({ params }) =>
  toUserDto(await getUserOrThrow(params.id)),
);

export const PATCH = defineRoute(
  { access: "users:write", params: ZUserIdParamsSchema, body: ZUpdateUserSchema },
  async ({ principal, params, body, meta }) => updateUser(params.id, body, auditActorOf(principal), meta),
);
