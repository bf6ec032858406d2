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
 * undici drops and re-dials through the new session. `reserved` is a second pool of the
 * cluster whose streams may use the tunnel's reserved share (the console's own background
 * reads: the fleet collector's cluster-wide informers), so users filling the tunnel cannot
 * starve them.
 */
export function dispatcherFor(clusterId: string, reserved = false): Dispatcher {
  const id = reserved ? `${clusterId}\0reserved` : clusterId;
  let pool = pools().get(id);
  if (!pool) {
    pool = new Agent({
      keepAliveTimeout: KEEP_ALIVE_MS,
      keepAliveMaxTimeout: KEEP_ALIVE_MS,
      connect: (_options, callback) => {
        dialCluster(clusterId, { reserved }).then(
          // undici only needs the net.Socket surface TunnelStream provides (docs/TUNNEL.md).
          (stream) => callback(null, stream as unknown as Socket),
          (error: Error) => callback(error, null),
        );
      },
    });
    pools().set(id, pool);
  }
  return pool;
}

/** Closes a cluster's pools (cluster deleted). */
export async function closeDispatcher(clusterId: string): Promise<void> {
  for (const id of [clusterId, `${clusterId}\0reserved`]) {
    const pool = pools().get(id);
    pools().delete(id);
    await pool?.destroy().catch(() => undefined);
  }
}
