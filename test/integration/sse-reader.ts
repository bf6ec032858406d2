// Reads Server-Sent Events from a fetch Response body (test helper).
import type { TWatchMessage } from "@/lib/shared/explorer/explorer.schema";

export interface SseReader<M = TWatchMessage> {
  /** Resolves with the next message matching `pred` (bounded by timeoutMs). */
  next(pred?: (m: M) => boolean, timeoutMs?: number): Promise<M>;
  /** Every message received so far. */
  received: M[];
  cancel(): Promise<void>;
}

export function readSse<M = TWatchMessage>(res: Response): SseReader<M> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const received: M[] = [];
  const waiters: Array<{ pred: (m: M) => boolean; resolve: (m: M) => void; from: number }> = [];
  let cursor = 0;
  let buffer = "";
  const deliver = () => {
    for (const w of [...waiters]) {
      const idx = received.findIndex((m, i) => i >= w.from && w.pred(m));
      if (idx >= 0) {
        waiters.splice(waiters.indexOf(w), 1);
        cursor = idx + 1;
        w.resolve(received[idx]!);
      }
    }
  };
  void (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) return;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split("\n").filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)).join("\n");
        if (data) received.push(JSON.parse(data) as M);
      }
      deliver();
    }
  })();
  return {
    received,
    next(pred = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const waiter = { pred, resolve, from: cursor };
        waiters.push(waiter);
        deliver();
        setTimeout(() => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) {
            waiters.splice(i, 1);
            reject(new Error(`no matching SSE message within ${timeoutMs} ms; got ${JSON.stringify(received).slice(0, 500)}`));
          }
        }, timeoutMs).unref();
      });
    },
    cancel: () => reader.cancel(),
  };
}
