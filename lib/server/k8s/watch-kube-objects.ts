import "server-only";
import { BodyTooLargeError, boundedLines, MAX_WATCH_LINE_BYTES } from "./bounded-body";
import { reportAgentViolation } from "../tunnel/agent-budget";
import { resourcePath, type TExplorerResource } from "@/lib/shared/explorer/resources";
import type { TKubeObject } from "@/lib/shared/explorer/explorer.schema";
import { kubeStream } from "./kube-request";
import type { KubeIdentity } from "./kube-identity";

/** One event of a Kubernetes watch. ERROR carries a Status object (410 Expired → relist). */
export interface KubeWatchEvent {
  type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";
  object: TKubeObject & { code?: number; reason?: string; message?: string };
}

export interface WatchOptions {
  namespace?: string;
  labelSelector?: string;
  resourceVersion: string;
  /** Server-side end of the watch; the caller re-watches from the last resourceVersion. */
  timeoutSeconds?: number;
  signal?: AbortSignal;
  fieldSelector?: string;
  /** See KubeCall.reserved. */
  reserved?: boolean;
}

/**
 * Opens a watch and yields its events until the server ends it or `signal` fires. Bookmarks
 * are requested so the resourceVersion stays fresh on quiet lists.
 */
export function watchKubeObjects(clusterId: string, identity: KubeIdentity, resource: TExplorerResource, opts: WatchOptions): AsyncGenerator<KubeWatchEvent> {
  return watchKubePath(clusterId, identity, resourcePath(resource, { namespace: opts.namespace }), opts);
}

export type WatchPathOptions = WatchOptions & { accept?: string; includeObject?: "None" | "Metadata" | "Object" };

/**
 * Opens a watch of any collection path (as kubeApiPath builds it) and resolves once the
 * cluster answered the head — a refusal throws here — with its events to iterate. `accept`
 * asks for another representation: the Table (TABLE_ACCEPT), whose events carry one-row Tables.
 */
export async function openKubeWatch(clusterId: string, identity: KubeIdentity, path: string, opts: WatchPathOptions): Promise<AsyncGenerator<KubeWatchEvent>> {
  const stream = await kubeStream(clusterId, identity, {
    path,
    accept: opts.accept,
    query: {
      watch: "true",
      resourceVersion: opts.resourceVersion,
      allowWatchBookmarks: "true",
      labelSelector: opts.labelSelector,
      fieldSelector: opts.fieldSelector,
      includeObject: opts.includeObject,
      timeoutSeconds: opts.timeoutSeconds ?? 300,
    },
    signal: opts.signal,
    reserved: opts.reserved,
  });
  return (async function* events() {
    try {
      // Bounded lines: an event without end ends the watch (and counts against the agent).
      for await (const raw of boundedLines(stream.body, MAX_WATCH_LINE_BYTES)) {
        const line = raw.trim();
        if (line) yield JSON.parse(line) as KubeWatchEvent;
      }
    } catch (error) {
      if (error instanceof BodyTooLargeError) reportAgentViolation(clusterId, error.message);
      throw error;
    } finally {
      stream.abort();
    }
  })();
}

/** Watches any collection path, yielding its events until the server ends it or `signal` fires. */
export async function* watchKubePath(clusterId: string, identity: KubeIdentity, path: string, opts: WatchPathOptions): AsyncGenerator<KubeWatchEvent> {
  yield* await openKubeWatch(clusterId, identity, path, opts);
}
