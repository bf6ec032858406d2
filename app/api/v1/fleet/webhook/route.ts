// GET /api/v1/fleet/webhook – the alert webhook settings (admin; the secret is never returned)
// PUT /api/v1/fleet/webhook – save them {enabled, url, secret?} (admin; audited)
import { auditActorOf } from "@/lib/server/auth/principal";
import { updateWebhookSettings } from "@/lib/server/fleet/update-webhook-settings";
import { readWebhookRow, toWebhookSettings } from "@/lib/server/fleet/webhook-settings";
import { defineRoute } from "@/lib/server/http/define-route";
import { ZUpdateWebhookSchema } from "@/lib/shared/fleet/fleet-api.schema";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ access: "settings:write" }, async () => toWebhookSettings(await readWebhookRow()));

export const PUT = defineRoute({ access: "settings:write", body: ZUpdateWebhookSchema }, async ({ body, principal, meta }) =>
  updateWebhookSettings(body, auditActorOf(principal), meta),
);
