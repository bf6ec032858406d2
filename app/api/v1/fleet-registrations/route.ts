// GET /api/v1/fleet-registrations?state=pending – self-registered clusters: the approval queue and past decisions
import { listFleetRegistrations } from "@/lib/server/fleet-registration/list-fleet-registrations";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZListRegistrationsQuerySchema } from "@/lib/shared/fleet-registration/fleet-registration.schema";

export const GET = defineRoute({ access: "registrations:read", query: ZListRegistrationsQuerySchema }, async ({ query }) => ({ items: await listFleetRegistrations(query.state) }));
