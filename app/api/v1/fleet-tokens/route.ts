// GET /api/v1/fleet-tokens – fleet tokens for self-registration (never their values)
// POST /api/v1/fleet-tokens – create {name, expiresInHours, maxUses, labelTemplate, nameTemplate, requireApproval}; the token and its import commands are shown in this answer only
import { auditActorOf } from "@/lib/server/auth/principal";
import { createFleetToken } from "@/lib/server/fleet-registration/create-fleet-token";
import { listFleetTokens } from "@/lib/server/fleet-registration/list-fleet-tokens";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZCreateFleetTokenSchema } from "@/lib/shared/fleet-registration/fleet-registration.schema";

export const GET = defineRoute({ access: "clusters:write" }, async () => ({ items: await listFleetTokens() }));

export const POST = defineRoute({ access: "clusters:write", body: ZCreateFleetTokenSchema }, async ({ principal, body, meta }) =>
  Response.json(await createFleetToken(body, auditActorOf(principal), meta), { status: 201, headers: { "cache-control": "no-store" } }),
);
