import "server-only";
import { ALL_CLUSTERS, type ClusterScope } from "../access/cluster-scope";
import { getFleetStreamHub, type FleetStreamHub } from "./fleet-stream-hub";

/** A client more than this far behind is dropped; it reconnects and starts from a fresh `init`. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
const encoder = new TextEncoder();

/**
 * The SSE response of GET /api/v1/fleet/stream: subscribes to the hub and ends the
 * subscription when the client goes away (request aborted or stream cancelled).
 * A principal with scoped roles only gets the rows and totals of its clusters (`scope`).
 * `Cache-Control: no-transform` keeps compression middleware from buffering the stream.
 */
export function openFleetStream(rows: "all" | "changes", signal: AbortSignal, hub: FleetStreamHub = getFleetStreamHub(), scope: ClusterScope = ALL_CLUSTERS): Response {
  let unsubscribe: (() => void) | undefined;
  let closed = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      start: async (controller) => {
        const close = () => {
          if (closed) return;
          closed = true;
          unsubscribe?.();
          try {
            controller.close();
          } catch {
            // already closed by the client
          }
        };
        signal.addEventListener("abort", close, { once: true });
        // Tell EventSource to reconnect after 5 s if the connection drops.
        controller.enqueue(encoder.encode("retry: 5000\n\n"));
        unsubscribe = await hub.subscribe({
          rows,
          ...(scope.all ? {} : { scope: new Set(scope.ids) }),
          write: (frame) => {
            if (closed) return false;
            controller.enqueue(encoder.encode(frame));
            return (controller.desiredSize ?? 0) > -MAX_BUFFERED_BYTES;
          },
          close,
        });
        if (closed || signal.aborted) unsubscribe();
      },
      cancel: () => {
        closed = true;
        unsubscribe?.();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no", connection: "keep-alive" },
  });
}
