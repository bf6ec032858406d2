import "server-only";
import { createHmac } from "node:crypto";
import type { TWebhookPayload } from "@/lib/shared/fleet/fleet-api.schema";

export interface WebhookTarget {
  url: string;
  secret: string | null;
}

export interface DeliveryResult {
  ok: boolean;
  status: number | null;
  error: string | null;
  attempts: number;
}

export interface DeliveryOptions {
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

const RETRYABLE = (status: number) => status === 408 || status === 429 || status >= 500;

async function pause(ms: number, signal?: AbortSignal): Promise<void> {
  await new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    t.unref();
    signal?.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
  });
}

/**
 * POSTs one JSON payload, retrying network errors, timeouts, 408, 429 and 5xx with
 * exponential backoff and full jitter (base × 2ⁿ, capped; Retry-After honoured up to the
 * cap). Other 4xx are final: the receiver refused the payload, repeating will not help.
 * With a secret, `X-Outpost-Signature: sha256=<HMAC of the body>` lets the receiver verify it.
 */
export async function deliverWebhook(target: WebhookTarget, payload: TWebhookPayload, opts: DeliveryOptions = {}): Promise<DeliveryResult> {
  const attempts = opts.attempts ?? 6;
  const base = opts.baseDelayMs ?? 1000;
  const cap = opts.maxDelayMs ?? 60_000;
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "outpost-fleet-webhook/1", "x-outpost-event": payload.event };
  if (target.secret) headers["x-outpost-signature"] = `sha256=${createHmac("sha256", target.secret).update(body).digest("hex")}`;
  let last: DeliveryResult = { ok: false, status: null, error: "not sent", attempts: 0 };
  for (let attempt = 1; attempt <= attempts && !opts.signal?.aborted; attempt++) {
    let retryAfterMs = 0;
    try {
      const res = await fetch(target.url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000) });
      await res.body?.cancel().catch(() => undefined);
      last = { ok: res.ok, status: res.status, error: res.ok ? null : `HTTP ${res.status}`, attempts: attempt };
      if (res.ok || !RETRYABLE(res.status)) return last;
      retryAfterMs = Number(res.headers.get("retry-after") ?? 0) * 1000 || 0;
    } catch (error) {
      const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
      const message = e.name === "TimeoutError" ? "timed out" : (e.cause?.code ?? e.cause?.message ?? e.message ?? "network error");
      last = { ok: false, status: null, error: message, attempts: attempt };
    }
    if (attempt < attempts) {
      const backoff = Math.random() * Math.min(cap, base * 2 ** (attempt - 1));
      await pause(Math.min(cap, Math.max(backoff, retryAfterMs)), opts.signal);
    }
  }
  return last;
}
