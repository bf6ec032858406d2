// POST /api/v1/me/password – change your own password {currentPassword, newPassword}
import { defineRoute } from "@/lib/server/http/define-route";
import { changeOwnPassword } from "@/lib/server/users/change-own-password";
import { ZChangeOwnPasswordSchema } from "@/lib/shared/users/users.schema";

export const POST = defineRoute(
  { access: "self:write", body: ZChangeOwnPasswordSchema, allowDuringPasswordChange: true },
  async ({ principal, body, meta }) => {
    await changeOwnPassword(principal, body, meta);
    return { ok: true };
  },
);
