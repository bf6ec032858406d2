// POST /api/v1/fleet/alerts/[id]/ack – acknowledge an open alert (operator, admin; audited)
// DELETE /api/v1/fleet/alerts/[id]/ack – withdraw the acknowledgement
import { auditActorOf } from "@/lib/server/auth/principal";
import { assertAlertInScope } from "@/lib/server/fleet/assert-alert-in-scope";
import { ackFleetAlert } from "@/lib/server/fleet/ack-fleet-alert";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZAlertIdParamsSchema } from "@/lib/shared/fleet/fleet-query.schema";

export const POST = defineRoute({ access: "clusters:act", params: ZAlertIdParamsSchema }, async ({ params, principal, meta }) => {
  await assertAlertInScope(principal, params.id);
  return ackFleetAlert(params.id, true, auditActorOf(principal), meta);
});

export const DELETE = defineRoute({ access: "clusters:act", params: ZAlertIdParamsSchema }, async ({ params, principal, meta }) => {
  await assertAlertInScope(principal, params.id);
  return ackFleetAlert(params.id, false, auditActorOf(principal), meta);
});
