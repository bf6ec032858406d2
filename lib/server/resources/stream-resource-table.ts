import "server-only";
import { slimMetadata } from "@/lib/shared/explorer/slim-object";
import type { TResourceParams, TResourceWatchQuery, TTableRow, TTableWatchMessage } from "@/lib/shared/resources/resources.schema";
import { kubeApiPath } from "@/lib/shared/resources/resource-path";
import type { Principal } from "../auth/principal";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { ApiError } from "../http/api-error";
import { KubeError } from "../k8s/kube-error";
import { identityOf } from "../k8s/kube-identity";
import { TABLE_ACCEPT } from "../k8s/list-kube-table";
import { openKubeWatch } from "../k8s/watch-kube-objects";
import { findApiResource } from "./find-api-resource";

const HEARTBEAT_MS = 15_000;
const RETRY_MS = 5_000;
/** A viewer this far behind (bytes queued) is dropped; its EventSource reconnects. */
const MAX_QUEUED_BYTES = 8 * 1024 * 1024;
const HEADERS = { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" };
const encoder = new TextEncoder();

interface TableEvent {
  type: string;
  object: { rows?: TTableRow[]; metadata?: { resourceVersion?: string }; code?: number; message?: string; reason?: string };
}

function frame(message: TTableWatchMessage): Uint8Array {
  return encoder.encode(`event: ${message.type}\ndata: ${JSON.stringify(message)}\n\n`);
}

/**
 * Live rows of any resource's list as Server-Sent Events: the apiserver's Table watch (one
 * row per event, cells computed by the cluster), run as the user from the resourceVersion
 * the page's list was served at. `change` carries the row, `bookmark` the version, `status`
 * the end (410 Expired or a lost cluster: the page relists). One upstream watch per open page.
 */
export async function streamResourceTable(principal: Principal, params: TResourceParams, query: TResourceWatchQuery, signal: AbortSignal): Promise<Response> {
  await getClusterOrThrow(params.id);
  const resource = await findApiResource(params.id, params);
  if (!resource.verbs.includes("watch")) throw new ApiError("method_not_allowed", `${resource.resource} cannot be watched`);
  const namespace = resource.namespaced ? query.namespace || undefined : undefined;
  // Opening the upstream watch first makes a refusal this request's error response.
  const events = await openKubeWatch(params.id, identityOf(principal), kubeApiPath(resource, { namespace }), {
    resourceVersion: query.resourceVersion,
    labelSelector: query.labelSelector?.trim() || undefined,
    fieldSelector: query.fieldSelector?.trim() || undefined,
    accept: TABLE_ACCEPT,
    includeObject: "Metadata",
    signal,
  });

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const write = (bytes: Uint8Array) => {
        if (closed) return;
        controller.enqueue(bytes);
        if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) close();
      };
      const heartbeat = setInterval(() => write(encoder.encode(": ping\n\n")), HEARTBEAT_MS);
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        void events.return(undefined);
        try {
          controller.close();
        } catch {
          // already closed by the reader
        }
      };
      signal.addEventListener("abort", close, { once: true });
      write(encoder.encode(`retry: ${RETRY_MS}\n\n`));
      write(frame({ type: "status", live: true, error: null }));
      const handle = (event: TableEvent): boolean => {
        if (event.type === "ERROR") {
          const status = event.object.code ?? 500;
          write(frame({ type: "status", live: false, error: { code: status === 410 ? "conflict" : "unavailable", status, reason: event.object.reason ?? "WatchError", message: event.object.message ?? "The watch ended" } }));
          return false;
        }
        const rv = event.object.metadata?.resourceVersion ?? "";
        if (event.type === "BOOKMARK") {
          write(frame({ type: "bookmark", resourceVersion: rv }));
          return true;
        }
        for (const row of event.object.rows ?? []) {
          if (row.object?.metadata) row.object.metadata = slimMetadata(row.object.metadata as Record<string, unknown>) as typeof row.object.metadata;
          write(frame({ type: "change", event: event.type as "ADDED" | "MODIFIED" | "DELETED", row, resourceVersion: rv }));
        }
        return true;
      };
      try {
        for await (const event of events) {
          if (closed || !handle(event as unknown as TableEvent)) break;
        }
        if (!closed) write(frame({ type: "status", live: false, error: null }));
      } catch (error) {
        if (!closed && error instanceof KubeError) write(frame({ type: "status", live: false, error: error.toData() }));
      } finally {
        close();
      }
    },
    cancel() {
      void events.return(undefined);
    },
  });
  return new Response(stream, { headers: HEADERS });
}
