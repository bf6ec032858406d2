import "server-only";
import type { TFleetAlert, TWebhookPayload } from "@/lib/shared/fleet/fleet-api.schema";
import { log } from "../log/logger";
import { getRuntimeContext } from "../runtime/runtime-context";
import { deliverWebhook, type DeliveryOptions } from "./deliver-webhook";
import { readWebhookRow, recordDelivery } from "./webhook-settings";

const MAX_QUEUE = 1000;

/** The console's URL for payloads (links back to the alert); empty outside a started console. */
export function consoleUrl(): string {
  try {
    return getRuntimeContext().config.serverUrl;
  } catch {
    return "";
  }
}

/**
 * Sends alert changes to the admin's webhook, one at a time and in order, each with
 * retries and backoff (deliverWebhook). The queue is in memory and bounded: when a receiver
 * is down for long, the oldest notifications are dropped (logged) rather than growing forever.
 */
export class WebhookNotifier {
  private readonly queue: TWebhookPayload[] = [];
  private running: Promise<void> | undefined;
  private readonly abort = new AbortController();

  constructor(private readonly options: DeliveryOptions = {}) {}

  notify(kind: "alert.fired" | "alert.resolved", alerts: TFleetAlert[]): void {
    for (const alert of alerts) this.queue.push({ event: kind, sentAt: "", alert, console: consoleUrl() });
    this.running ??= this.drain().finally(() => (this.running = undefined));
  }

  /** Resolves when everything queued so far was delivered or given up (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.queue.length = 0;
    await this.running;
  }

  private async drain(): Promise<void> {
    while (this.queue.length && !this.abort.signal.aborted) {
      const settings = await readWebhookRow().catch(() => null);
      if (!settings?.enabled || !settings.url) {
        this.queue.length = 0; // no webhook: nothing to deliver
        return;
      }
      if (this.queue.length > MAX_QUEUE) {
        const dropped = this.queue.splice(0, this.queue.length - MAX_QUEUE).length;
        log.warn(`fleet webhook: receiver behind, dropped ${dropped} oldest notifications`);
      }
      const payload = this.queue.shift()!;
      const result = await deliverWebhook({ url: settings.url, secret: settings.secret }, { ...payload, sentAt: new Date().toISOString() }, { ...this.options, signal: this.abort.signal });
      if (!result.ok) log.warn(`fleet webhook: delivery failed after ${result.attempts} attempts (${result.error})`);
      await recordDelivery(result).catch(() => undefined);
    }
  }
}
