import "server-only";
import type { Principal } from "../auth/principal";
import { acquireLongLivedStream, type TStreamKind } from "./long-lived-streams";

/**
 * Runs a streaming route (SSE, log follow) under the long-lived stream quotas: a full
 * quota is a 429 before anything is opened; the stream's own abort signal also fires when
 * the principal's access is withdrawn, which ends the response; the quota is given back
 * when the response ends, is cancelled or the request aborts.
 */
export async function guardStreamResponse(
  principal: Principal,
  kind: TStreamKind,
  clusterId: string | null,
  requestSignal: AbortSignal,
  open: (signal: AbortSignal) => Promise<Response>,
): Promise<Response> {
  const controller = new AbortController();
  const lease = acquireLongLivedStream(principal, kind, clusterId, () => controller.abort());
  const onRequestAbort = () => {
    lease.release();
    controller.abort();
  };
  requestSignal.addEventListener("abort", onRequestAbort, { once: true });
  let response: Response;
  try {
    response = await open(controller.signal);
  } catch (error) {
    lease.release();
    throw error;
  }
  const body = response.body;
  if (!body) {
    lease.release();
    return response;
  }
  const reader = body.getReader();
  const ended = () => {
    lease.release();
    requestSignal.removeEventListener("abort", onRequestAbort);
  };
  // Withdrawn access: the producer sees the abort and closes; close our side at once too.
  controller.signal.addEventListener("abort", () => void reader.cancel().catch(() => undefined), { once: true });
  const guarded = new ReadableStream<Uint8Array>({
    async pull(c) {
      try {
        const next = await reader.read();
        if (next.done) {
          ended();
          c.close();
        } else c.enqueue(next.value);
      } catch {
        ended();
        c.close();
      }
    },
    cancel(reason) {
      ended();
      controller.abort();
      return reader.cancel(reason).catch(() => undefined);
    },
  });
  return new Response(guarded, { status: response.status, headers: response.headers });
}
