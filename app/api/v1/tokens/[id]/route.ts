// DELETE /api/v1/tokens/{id} – revoke one of your API tokens
import { deleteApiToken } from "@/lib/server/api-tokens/delete-api-token";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZApiTokenIdParamsSchema } from "@/lib/shared/api-tokens/api-tokens.schema";

export const DELETE = defineRoute({ access: "self:write", params: ZApiTokenIdParamsSchema }, async ({ principal, params, meta }) => {
  await deleteApiToken(principal, params.id, meta);
  return { ok: true };
});
