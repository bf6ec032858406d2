// POST /api/v1/clusters/{id}/registration-tokens – rotate: a new token (returned once, in importCommands); older ones expire after the grace period
// DELETE /api/v1/clusters/{id}/registration-tokens – revoke every registration token of the cluster
import { auditActorOf } from "@/lib/server/auth/principal";
import { revokeRegistrationTokens } from "@/lib/server/enrollment/revoke-registration-tokens";
import { rotateRegistrationToken } from "@/lib/server/enrollment/rotate-registration-token";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZClusterIdParamsSchema } from "@/lib/shared/clusters/clusters.schema";

export const POST = defineRoute({ access: "clusters:write", params: ZClusterIdParamsSchema }, async ({ principal, params, meta }) =>
  Response.json(await rotateRegistrationToken(params.id, auditActorOf(principal), meta), { status: 201 }),
);

export const DELETE = defineRoute({ access: "clusters:write", params: ZClusterIdParamsSchema }, async ({ principal, params, meta }) => ({
  revoked: await revokeRegistrationTokens(params.id, auditActorOf(principal), meta),
}));
