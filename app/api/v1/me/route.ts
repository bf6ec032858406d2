// GET /api/v1/me – the signed-in user (session or API token) and their permissions
// PATCH /api/v1/me – change own preferences {locale}
import { defineRoute } from "@/lib/server/http/define-route";
import { getMe } from "@/lib/server/users/get-me";
import { updateOwnLocale } from "@/lib/server/users/update-own-locale";
import { ZUpdateMeSchema } from "@/lib/shared/users/users.schema";

export const GET = defineRoute({ access: "self:read", allowDuringPasswordChange: true }, async ({ principal }) => getMe(principal));

export const PATCH = defineRoute(
  { access: "self:write", body: ZUpdateMeSchema, allowDuringPasswordChange: true },
  async ({ principal, body }) => {
    await updateOwnLocale(principal, body.locale);
    return getMe(principal);
  },
);
