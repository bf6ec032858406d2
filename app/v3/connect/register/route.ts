// POST /v3/connect/register – an agent exchanges its registration token for an agent credential,
// or registers its cluster with a fleet token (202 while it waits for approval); no login; refused tokens rate limited per IP
import { enrollAgent } from "@/lib/server/enrollment/enroll-agent";
import { registerWithFleetToken } from "@/lib/server/fleet-registration/register-with-fleet-token";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZEnrollSchema } from "@/lib/shared/clusters/enroll.schema";

export const POST = defineRoute({ access: "public", body: ZEnrollSchema }, async ({ body, meta }) => {
  if (!body.token.startsWith("oft-")) return enrollAgent(body, meta);
  const result = await registerWithFleetToken(body, meta);
  if (result.status === "registered") return { clusterId: result.clusterId, credential: result.credential };
  return Response.json({ status: "pending", registrationId: result.registrationId }, { status: 202, headers: { "retry-after": String(result.retryAfterS), "cache-control": "no-store" } });
});
