import type { WebSocket } from "ws";
import type { ClusterState } from "../cluster/cluster-state";
import { ExecSession, type ExecRequest } from "./exec-session";
import { CH, ChannelSocket, type ChannelProtocol } from "./channel-websocket";
import { exitStatus } from "./exit-status";

/**
 * Runs an exec (or attach) over a channel WebSocket: stdin/resize from the client into the
 * session, stdout/stderr out, then the exit Status on the error channel and a normal close.
 */
export function serveExec(cluster: ClusterState, req: ExecRequest, ws: WebSocket, protocol: ChannelProtocol): void {
  // The session writes only once run() starts, after the socket below exists.
  const session = new ExecSession(cluster, req, (channel, data) => socket.send(channel, data));
  const socket = new ChannelSocket(ws, protocol, {
    data(channel, data) {
      if (channel === CH.stdin) session.stdin(data);
      else if (channel === CH.resize) {
        try {
          const size = JSON.parse(data.toString("utf8")) as { Width?: unknown; Height?: unknown };
          if (typeof size.Width === "number" && typeof size.Height === "number") session.resize({ cols: size.Width, rows: size.Height });
        } catch {
          // A malformed resize is ignored, as the kubelet logs and ignores it.
        }
      }
    },
    closeChannel(channel) {
      if (channel === CH.stdin) session.stdinEnd();
    },
    gone() {
      session.close();
    },
  });
  session.run().then(
    (code) => socket.finish(exitStatus(req.argv, code)),
    (err: unknown) => {
      console.error(`sim ${cluster.name}: exec failed:`, err);
      socket.finish({ metadata: {}, status: "Failure", message: "Internal error occurred: exec failed", reason: "InternalError" });
    },
  );
}
