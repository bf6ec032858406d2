import "server-only";
import type { TLogsQuery } from "@/lib/shared/explorer/explorer.schema";
import type { Principal } from "../auth/principal";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { identityOf } from "../k8s/kube-identity";
import { openPodLogStream } from "../k8s/open-pod-log-stream";
import { nodeToWebStream } from "./node-to-web-stream";

/**
 * A pod's log as a streamed text/plain response, read as the user. With `follow` the
 * upstream request stays open until the browser disconnects, then it is aborted (its
 * tunnel stream closes). Errors before the first byte (no such container, cluster gone)
 * throw KubeError, so the route answers with a JSON error body.
 */
export async function streamPodLogs(principal: Principal, clusterId: string, namespace: string, name: string, query: TLogsQuery, signal: AbortSignal): Promise<Response> {
  await getClusterOrThrow(clusterId);
  const upstream = await openPodLogStream(clusterId, identityOf(principal), namespace, name, { ...query, signal });
  const headers: Record<string, string> = {
    "content-type": "text/plain; charset=utf-8",
    // no-transform: Next's compression would otherwise buffer a followed log.
    "cache-control": "no-cache, no-transform",
    "x-accel-buffering": "no",
  };
  if (query.download) {
    const file = `${name}${query.container ? `-${query.container}` : ""}${query.previous ? "-previous" : ""}.log`;
    headers["content-disposition"] = `attachment; filename="${file}"`;
  }
  return new Response(nodeToWebStream(upstream.body, () => upstream.abort(), signal), { status: 200, headers });
}
