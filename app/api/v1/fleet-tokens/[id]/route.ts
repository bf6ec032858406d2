// DELETE /api/v1/fleet-tokens/{id} – revoke: no new registrations; clusters already registered are untouched
import { z } from "zod";
import { auditActorOf } from "@/lib/server/auth/principal";
import { revokeFleetToken } from "@/lib/server/fleet-registration/revoke-fleet-token";
import { defineRoute } from "@/lib/server/http/define-route";

export const DELETE = defineRoute({ access: "clusters:write", params: z.object({ id: z.string().min(1).max(64) }) }, async ({ principal, params, meta }) =>
  revokeFleetToken(params.id, auditActorOf(principal), meta),
);
