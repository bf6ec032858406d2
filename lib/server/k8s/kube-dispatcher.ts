import "server-only";
import type { Socket } from "node:net";
import { Agent, type Dispatcher } from "undici";
import { dialCluster } from "../tunnel/tunnel-registry";

/** Origin of tunnelled requests: the bytes travel inside the agent's TLS WebSocket. */
export const TUNNEL_ORIGIN = "http://cluster.tunnel";

// One connection pool per cluster, process-wide (server.ts and Next's bundles share it):
// every user's calls reuse the same keep-alive tunnel streams; the user is carried by the
// impersonation headers of each request, not by the connection.
const KEY = Symbol.for("outpost.k8s-dispatchers");
type Holder = { [KEY]?: Map<string, Dispatcher> };

function pools(): Map<string, Dispatcher> {
  return ((globalThis as Holder)[KEY] ??= new Map());
}

/** Idle tunnel streams are kept this long for reuse (the agent's server keeps them 65 s). */
const KEEP_ALIVE_MS = 4_000;

/**
 * The undici dispatcher whose connections are tunnel streams to `clusterId`'s apiserver.
 * Created on first use and kept: a replaced tunnel only kills the pooled streams, which
 * undici drops and re-dials through the new session.
 */
export function dispatcherFor(clusterId: string): Dispatcher {
  let pool = pools().get(clusterId);
  if (!pool) {
    pool = new Agent({
      keepAliveTimeout: KEEP_ALIVE_MS,
      keepAliveMaxTimeout: KEEP_ALIVE_MS,
      connect: (_options, callback) => {
        dialCluster(clusterId).then(
          // undici only needs the net.Socket surface TunnelStream provides (docs/TUNNEL.md).
          (stream) => callback(null, stream as unknown as Socket),
          (error: Error) => callback(error, null),
        );
      },
    });
    pools().set(clusterId, pool);
  }
  return pool;
}

/** Closes a cluster's pool (cluster deleted). */
export async function closeDispatcher(clusterId: string): Promise<void> {
  const pool = pools().get(clusterId);
  pools().delete(clusterId);
  await pool?.destroy().catch(() => undefined);
}
