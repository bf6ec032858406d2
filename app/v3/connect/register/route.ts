// POST /v3/connect/register – an agent exchanges its registration token for an agent credential (no login; rate limited per IP)
import { enrollAgent } from "@/lib/server/enrollment/enroll-agent";
import { ApiError } from "@/lib/server/http/api-error";
import { defineRoute } from "@/lib/server/http/define-route";
import { sharedLimiter } from "@/lib/server/http/sliding-window-limiter";
import { ZEnrollSchema } from "@/lib/shared/clusters/enroll.schema";

// 1,000 agents behind one NAT may enrol at once; a token guesser still gets nowhere.
const limiter = () => sharedLimiter("enroll", 2_000, 60_000);

export const POST = defineRoute({ access: "public", body: ZEnrollSchema }, async ({ body, meta }) => {
  const allowed = limiter().take(meta.ip);
  if (!allowed.allowed) {
    throw new ApiError("rate_limited", "Too many enrolments; try again later", { headers: { "retry-after": String(allowed.retryAfterS) } });
  }
  return enrollAgent(body, meta);
});
