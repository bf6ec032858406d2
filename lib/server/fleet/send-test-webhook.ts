import "server-only";
import type { TWebhookSettings } from "@/lib/shared/fleet/fleet-api.schema";
import { ApiError } from "../http/api-error";
import { deliverWebhook } from "./deliver-webhook";
import { consoleUrl } from "./webhook-notifier";
import { readWebhookRow, recordDelivery, toWebhookSettings } from "./webhook-settings";

/**
 * Sends a `test` event to the saved webhook now (admin button), with a short retry budget
 * so the request answers within ~15 s, and returns the settings with the delivery outcome.
 */
export async function sendTestWebhook(): Promise<TWebhookSettings> {
  const row = await readWebhookRow();
  if (!row?.url) throw new ApiError("conflict", "Save a webhook URL first");
  const result = await deliverWebhook({ url: row.url, secret: row.secret }, { event: "test", sentAt: new Date().toISOString(), alert: null, console: consoleUrl() }, { attempts: 2, baseDelayMs: 500, timeoutMs: 5_000 });
  await recordDelivery(result);
  return toWebhookSettings(await readWebhookRow());
}
