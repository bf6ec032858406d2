import "server-only";
import { RESOURCE_INFO, type TExplorerResource } from "@/lib/shared/explorer/resources";
import type { TChangesEvent, TChangesQuery } from "@/lib/shared/explorer/explorer.schema";
import type { Principal } from "../auth/principal";
import { onClusterChanged } from "../clusters/cluster-change-events";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { KubeError } from "../k8s/kube-error";
import { identityOf } from "../k8s/kube-identity";
import { informerKeyFor } from "./informer-key";
import { probeListAccess } from "./probe-list-access";
import { subscribeToList } from "./watch-hub";

const HEARTBEAT_MS = 15_000;
const RETRY_MS = 5_000;
/** Changes within this window are sent as one event (a rollout touches many pods at once). */
const COALESCE_MS = 250;
const encoder = new TextEncoder();
const HEADERS = { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" };

/**
 * "Something you are looking at changed" as Server-Sent Events, for pages that show
 * summaries rather than lists (a cluster's overview, an object's page): one `changed` event
 * `{resources, cluster}` whenever one of the shared informers of the given lists sees a
 * change, or the cluster row changes (state, agent report) — coalesced over 250 ms. The page
 * then reads again what it shows. Lists the user may not read are left out (their reads
 * fail on their own); an unreachable cluster still reports its own state changes.
 */
export async function streamClusterChanges(principal: Principal, clusterId: string, query: TChangesQuery, signal: AbortSignal): Promise<Response> {
  await getClusterOrThrow(clusterId);
  const identity = identityOf(principal)!;
  const watched: Array<{ resource: TExplorerResource; namespace: string }> = [];
  for (const resource of query.resources) {
    const namespace = RESOURCE_INFO[resource].namespaced ? (query.namespace ?? "") : "";
    try {
      await probeListAccess(clusterId, identity, resource, namespace);
      watched.push({ resource, namespace });
    } catch (error) {
      if (!(error instanceof KubeError)) throw error;
    }
  }

  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const unsubscribers: Array<() => void> = [];
      const pending: TChangesEvent = { resources: [], cluster: false };
      let flushTimer: NodeJS.Timeout | undefined;
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const flush = () => {
        flushTimer = undefined;
        write(`event: changed\ndata: ${JSON.stringify(pending)}\n\n`);
        pending.resources = [];
        pending.cluster = false;
      };
      const changed = (resource: TExplorerResource | null) => {
        if (resource && !pending.resources.includes(resource)) pending.resources.push(resource);
        if (!resource) pending.cluster = true;
        flushTimer ??= setTimeout(flush, COALESCE_MS);
      };
      const heartbeat = setInterval(() => write(": ping\n\n"), HEARTBEAT_MS);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        clearTimeout(flushTimer);
        for (const off of unsubscribers) off();
        try {
          controller.close();
        } catch {
          // already closed by the reader
        }
      };
      signal.addEventListener("abort", () => cleanup(), { once: true });
      write(`retry: ${RETRY_MS}\n\n`);
      unsubscribers.push(onClusterChanged(clusterId, () => changed(null)));
      for (const { resource, namespace } of watched) {
        // The snapshot and status a new subscriber gets first are not changes.
        const off = await subscribeToList(informerKeyFor(principal, clusterId, resource, namespace, ""), (message) => {
          if (message.type === "change") changed(resource);
        });
        if (closed) off();
        else unsubscribers.push(off);
      }
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, { headers: HEADERS });
}
