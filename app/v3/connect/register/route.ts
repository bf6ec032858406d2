// POST /v3/connect/register – an agent exchanges its registration token for an agent credential (no login; refused tokens rate limited per IP)
import { enrollAgent } from "@/lib/server/enrollment/enroll-agent";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZEnrollSchema } from "@/lib/shared/clusters/enroll.schema";

export const POST = defineRoute({ access: "public", body: ZEnrollSchema }, async ({ body, meta }) => enrollAgent(body, meta));
