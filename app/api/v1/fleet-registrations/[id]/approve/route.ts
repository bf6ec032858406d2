// POST /api/v1/fleet-registrations/{id}/approve – approve a waiting registration {name?, displayName?, labels?}: its cluster is created
import { z } from "zod";
import { auditActorOf } from "@/lib/server/auth/principal";
import { decideFleetRegistration } from "@/lib/server/fleet-registration/decide-fleet-registration";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZApproveRegistrationSchema } from "@/lib/shared/fleet-registration/fleet-registration.schema";

export const POST = defineRoute({ access: "clusters:write", params: z.object({ id: z.string().min(1).max(64) }), body: ZApproveRegistrationSchema }, async ({ principal, params, body, meta }) =>
  decideFleetRegistration(params.id, { approve: true, changes: body }, auditActorOf(principal), meta),
);
