import "server-only";
import type { Readable } from "node:stream";

/**
 * Wraps an upstream body as a web stream for a Response, pulling only as fast as the
 * browser reads (the tunnel's flow control then slows the cluster). `onCancel` runs once
 * when the browser goes away (stream cancelled or request aborted) — the caller aborts
 * the upstream request there, which closes its tunnel stream.
 */
export function nodeToWebStream(body: Readable, onCancel: () => void, signal?: AbortSignal): ReadableStream<Uint8Array> {
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    onCancel();
  };
  signal?.addEventListener("abort", finish, { once: true });
  const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) {
          done = true;
          controller.close();
          return;
        }
        controller.enqueue(typeof next.value === "string" ? new TextEncoder().encode(next.value) : new Uint8Array(next.value));
      } catch {
        // Upstream cut (cluster gone, stream aborted): end the response cleanly.
        finish();
        try {
          controller.close();
        } catch {
          // already closed
        }
      }
    },
    cancel() {
      finish();
    },
  });
}
