// POST /api/v1/fleet/webhook/test – send a `test` event to the saved webhook now (admin)
import { sendTestWebhook } from "@/lib/server/fleet/send-test-webhook";
import { defineRoute } from "@/lib/server/http/define-route";

export const POST = defineRoute({ access: "settings:write" }, async () => sendTestWebhook());
