// POST /api/v1/fleet-registrations/{id}/reject – reject a waiting registration: its agent gets nothing and asks again only slowly
import { z } from "zod";
import { auditActorOf } from "@/lib/server/auth/principal";
import { decideFleetRegistration } from "@/lib/server/fleet-registration/decide-fleet-registration";
import { defineRoute } from "@/lib/server/http/define-route";

export const POST = defineRoute({ access: "clusters:write", params: z.object({ id: z.string().min(1).max(64) }) }, async ({ principal, params, meta }) =>
  decideFleetRegistration(params.id, { approve: false }, auditActorOf(principal), meta),
);
