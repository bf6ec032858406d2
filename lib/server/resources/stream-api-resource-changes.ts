import "server-only";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { onApiResourcesChanged } from "./discovery-cache";

const HEARTBEAT_MS = 15_000;
const RETRY_MS = 5_000;
/** A chart installing ten CRDs is one event. */
const COALESCE_MS = 250;
const HEADERS = { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" };
const encoder = new TextEncoder();

/**
 * "What this cluster serves changed" as Server-Sent Events: one `changed` event (coalesced)
 * whenever a CRD is added, changed or removed; the page then reads the resources again.
 */
export async function streamApiResourceChanges(clusterId: string, signal: AbortSignal): Promise<Response> {
  await getClusterOrThrow(clusterId);
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let timer: NodeJS.Timeout | undefined;
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const heartbeat = setInterval(() => write(": ping\n\n"), HEARTBEAT_MS);
      const off = onApiResourcesChanged(clusterId, () => {
        timer ??= setTimeout(() => {
          timer = undefined;
          write("event: changed\ndata: {}\n\n");
        }, COALESCE_MS);
      });
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        clearTimeout(timer);
        off();
        try {
          controller.close();
        } catch {
          // already closed by the reader
        }
      };
      signal.addEventListener("abort", () => cleanup(), { once: true });
      write(`retry: ${RETRY_MS}\n\n`);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, { headers: HEADERS });
}
