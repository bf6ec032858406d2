// POST /api/v1/users/{id}/password – set a user's password {password, mustChangePassword?} (admin)
import { auditActorOf } from "@/lib/server/auth/principal";
import { defineRoute } from "@/lib/server/http/define-route";
import { resetUserPassword } from "@/lib/server/users/reset-user-password";
import { ZResetPasswordSchema, ZUserIdParamsSchema } from "@/lib/shared/users/users.schema";

export const POST = defineRoute(
  { access: "users:write", params: ZUserIdParamsSchema, body: ZResetPasswordSchema },
  async ({ principal, params, body, meta }) => {
    await resetUserPassword(params.id, body, auditActorOf(principal), meta);
    return { ok: true };
  },
);
