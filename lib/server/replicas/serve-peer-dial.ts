import "server-only";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { log } from "../log/logger";
import { getTunnel, KUBE_TARGET } from "../tunnel/tunnel-registry";
import { isPeerToken } from "./peer-token";

function refuse(socket: Duplex, status: string, text: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
}

/**
 * `/v3/peer/dial/<clusterId>` (upgrade `outpost-peer`): another replica asks for a stream
 * to a cluster whose tunnel this replica holds. Authenticated with the peer token; the
 * socket then carries the tunnel stream's bytes both ways.
 */
export function servePeerDial(req: IncomingMessage, socket: Duplex, head: Buffer): void {
  socket.on("error", () => undefined);
  const presented = (req.headers.authorization ?? "").match(/^Bearer\s+(\S+)$/i)?.[1] ?? "";
  if (!isPeerToken(presented)) return refuse(socket, "401 Unauthorized", "peer token required");
  if ((req.headers.upgrade ?? "").toLowerCase() !== "outpost-peer") return refuse(socket, "400 Bad Request", "Upgrade: outpost-peer required");
  let clusterId: string;
  try {
    clusterId = decodeURIComponent(new URL(req.url ?? "/", "https://peer").pathname.replace(/^\/v3\/peer\/dial\//, ""));
  } catch {
    return refuse(socket, "400 Bad Request", "malformed cluster id");
  }
  const session = getTunnel(clusterId);
  if (!session) return refuse(socket, "404 Not Found", "this replica does not hold the cluster's tunnel");
  session.openStream(KUBE_TARGET).then(
    (stream) => {
      socket.write("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: outpost-peer\r\n\r\n");
      if (head.length > 0) stream.write(head);
      stream.on("error", () => socket.destroy());
      socket.on("close", () => stream.destroy());
      stream.on("close", () => socket.destroy());
      socket.pipe(stream).pipe(socket);
    },
    (error: unknown) => {
      log.warn(`peer dial to cluster ${clusterId} failed: ${String(error)}`);
      refuse(socket, "503 Service Unavailable", "could not open a stream to the cluster");
    },
  );
}
