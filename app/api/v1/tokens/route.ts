// GET /api/v1/tokens – your personal API tokens (no values)
// POST /api/v1/tokens – create one {name, ttlDays}; the token value is returned once
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/server/api-tokens/list-api-tokens";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZCreateApiTokenSchema } from "@/lib/shared/api-tokens/api-tokens.schema";

export const GET = defineRoute({ access: "self:read" }, async ({ principal }) => ({ items: await listApiTokens(principal.userId) }));

export const POST = defineRoute({ access: "self:write", body: ZCreateApiTokenSchema }, async ({ principal, body, meta }) =>
  Response.json(await createApiToken(principal, body, meta), { status: 201 }),
);
