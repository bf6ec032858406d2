import "server-only";
import { RESOURCE_INFO } from "@/lib/shared/explorer/resources";
import type { TWatchMessage, TWatchQuery } from "@/lib/shared/explorer/explorer.schema";
import type { Principal } from "../auth/principal";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { KubeError } from "../k8s/kube-error";
import { identityOf } from "../k8s/kube-identity";
import { informerKeyFor } from "./informer-key";
import { probeListAccess } from "./probe-list-access";
import { subscribeToList } from "./watch-hub";

const HEARTBEAT_MS = 15_000;
/** Browser reconnect delay (SSE `retry:`), e.g. after the cluster was unreachable. */
const RETRY_MS = 5_000;
/** A viewer this far behind (bytes queued) is dropped; its EventSource reconnects and gets a fresh snapshot. */
const MAX_QUEUED_BYTES = 16 * 1024 * 1024;

const HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform: Next's compression would otherwise buffer the stream.
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

// Every viewer of a list receives the same message objects from the informer: each is
// serialised and encoded once, however many viewers there are.
const encoded = new WeakMap<TWatchMessage, Uint8Array>();
const encoder = new TextEncoder();

function frame(message: TWatchMessage): Uint8Array {
  let bytes = encoded.get(message);
  if (!bytes) {
    bytes = encoder.encode(`event: ${message.type}\ndata: ${JSON.stringify(message)}\n\n`);
    encoded.set(message, bytes);
  }
  return bytes;
}

/**
 * Live updates of one list as Server-Sent Events: `snapshot`, `change` and `status`
 * messages (TWatchMessage) from the shared informer of (cluster, resource, namespace,
 * selector). The user's own access is checked first (impersonated); a refusal is an error
 * response. If the cluster cannot be asked, the stream carries one not-live status and
 * ends, and the browser reconnects after `retry`. The subscription ends with the request.
 */
export async function streamResourceWatch(principal: Principal, clusterId: string, query: TWatchQuery, signal: AbortSignal): Promise<Response> {
  await getClusterOrThrow(clusterId);
  const { resource } = query;
  const namespace = RESOURCE_INFO[resource].namespaced ? (query.namespace ?? "") : "";
  try {
    await probeListAccess(clusterId, identityOf(principal)!, resource, namespace);
  } catch (error) {
    if (!(error instanceof KubeError) || (error.code !== "unavailable" && error.code !== "upstream_timeout")) throw error;
    const body = Buffer.concat([Buffer.from(`retry: ${RETRY_MS}\n\n`), frame({ type: "status", live: false, error: error.toData() })]);
    return new Response(body, { headers: HEADERS });
  }

  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>(
    {
      async start(controller) {
        let closed = false;
        const timers: { heartbeat?: NodeJS.Timeout } = {};
        let unsubscribe = () => {};
        cleanup = () => {
          if (closed) return;
          closed = true;
          clearInterval(timers.heartbeat);
          unsubscribe();
          try {
            controller.close();
          } catch {
            // already closed by the reader
          }
        };
        const write = (chunk: string | Uint8Array) => {
          if (closed) return;
          controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
          if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) cleanup();
        };
        signal.addEventListener("abort", () => cleanup(), { once: true });
        write(`retry: ${RETRY_MS}\n\n`);
        unsubscribe = await subscribeToList(
          informerKeyFor(principal, clusterId, resource, namespace, query.labelSelector?.trim() ?? ""),
          (message) => write(frame(message)),
          query.resourceVersion,
        );
        if (closed || signal.aborted) {
          unsubscribe();
          return;
        }
        timers.heartbeat = setInterval(() => write(": ping\n\n"), HEARTBEAT_MS);
      },
      cancel() {
        cleanup();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );
  return new Response(stream, { headers: HEADERS });
}
