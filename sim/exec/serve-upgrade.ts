import { ServerResponse, type IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { auditWhenFinished, authenticateAudited } from "../api/audited-request";
import { handleRequest } from "../api/handle-request";
import { sendError } from "../api/http-io";
import { parseResourcePath } from "../api/parse-resource-path";
import { ApiError, notFound } from "../api/status";
import type { ClusterState } from "../cluster/cluster-state";
import type { Pod } from "../store/kube-types";
import type { AuditEntry } from "../types";
import { authorizeStream } from "./authorize-stream";
import { CHANNEL_PROTOCOLS, type ChannelProtocol } from "./channel-websocket";
import { execTarget } from "./exec-target";
import { serveExec } from "./serve-exec";
import { PORT_FORWARD_CHANNEL_PROTOCOLS, servePortForwardChannels, servePortForwardSpdy, servePortForwardTunnel, SPDY_TUNNEL_PROTOCOL } from "./serve-port-forward";

const STREAM_SUBRESOURCES = new Set(["exec", "attach", "portforward"]);
const chosen = new WeakMap<IncomingMessage, string>();
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 4 * 1024 * 1024 });
// The subprotocol is chosen here, not by ws: ws refuses `SPDY/3.1+portforward.k8s.io` ("/"
// is not a token character), which kubectl's port-forward tunnel offers.
wss.on("headers", (headers: string[], req: IncomingMessage) => {
  const protocol = chosen.get(req);
  if (protocol) headers.push(`Sec-WebSocket-Protocol: ${protocol}`);
});
const upgraded = new WeakMap<ClusterState, Set<Duplex>>();

/** Upgraded connections are detached from the HTTPS server: they are closed here on stop. */
function track(cluster: ClusterState, socket: Duplex): void {
  let set = upgraded.get(cluster);
  if (!set) {
    const s = new Set<Duplex>();
    upgraded.set(cluster, s);
    cluster.stopHooks.push(() => {
      for (const x of s) x.destroy();
    });
    set = s;
  }
  set.add(socket);
  socket.once("close", () => set.delete(socket));
}

/** A ServerResponse writing to the raw socket of an upgrade request (for refusals). */
function responseOn(req: IncomingMessage, socket: Duplex): ServerResponse {
  const res = new ServerResponse(req);
  res.shouldKeepAlive = false;
  res.assignSocket(socket as Socket);
  res.once("finish", () => socket.end());
  return res;
}

/** The first protocol the client offers that we serve (the kubelet honours the client's order). */
function pickProtocol(req: IncomingMessage, serves: readonly string[]): string | undefined {
  const offered = (req.headers["sec-websocket-protocol"] ?? "").split(",").map((p) => p.trim()).filter(Boolean);
  return offered.find((p) => serves.includes(p));
}

/** Hands the socket to a WebSocket with `protocol`, audits the switch (101) and runs `serve`. */
function switchToWebSocket(cluster: ClusterState, req: IncomingMessage, socket: Duplex, head: Buffer, res: ServerResponse, entry: AuditEntry, protocol: string, serve: (ws: WebSocket) => void): void {
  chosen.set(req, protocol);
  delete req.headers["sec-websocket-protocol"];
  // Detach the refusal writer: from here the socket belongs to the WebSocket.
  res.detachSocket(socket as Socket);
  track(cluster, socket);
  let switched = false;
  // ws answers a malformed handshake (key, version) with 400 itself: still audited.
  socket.once("close", () => {
    if (switched) return;
    entry.code = 400;
    cluster.recordAudit(entry);
  });
  wss.handleUpgrade(req, socket, head, (ws) => {
    switched = true;
    entry.code = 101;
    cluster.recordAudit(entry);
    serve(ws);
  });
}

/**
 * Port-forward: to a Running pod, over the WebSocket SPDY tunnel (kubectl ≥ 1.31), the
 * channel framing (client-node) or plain SPDY/3.1 (kubectl's fallback, and ≤ 1.30).
 */
function servePortForward(cluster: ClusterState, req: IncomingMessage, socket: Duplex, head: Buffer, res: ServerResponse, entry: AuditEntry, namespace: string, name: string, upgrade: string, q: URLSearchParams): void {
  const pod = cluster.store.get("/pods", namespace, name) as Pod | undefined;
  if (!pod) throw notFound("pods", "", name);
  if (pod.status?.phase !== "Running") throw new ApiError(400, `unable to forward port because pod is not running. Current status=${pod.status?.phase ?? "Pending"}`);
  if (upgrade === "websocket") {
    const protocol = pickProtocol(req, [SPDY_TUNNEL_PROTOCOL, ...PORT_FORWARD_CHANNEL_PROTOCOLS]);
    if (!protocol) throw new ApiError(400, `unable to upgrade: no supported subprotocol offered; the simulator serves ${[SPDY_TUNNEL_PROTOCOL, ...PORT_FORWARD_CHANNEL_PROTOCOLS].join(", ")}`);
    if (protocol === SPDY_TUNNEL_PROTOCOL) return switchToWebSocket(cluster, req, socket, head, res, entry, protocol, (ws) => servePortForwardTunnel(cluster, pod, ws));
    const ports = q.getAll("ports").flatMap((v) => v.split(",")).map((v) => Number(v.trim()));
    if (ports.length === 0 || ports.some((x) => !Number.isInteger(x) || x < 1 || x > 65535)) throw new ApiError(400, "query parameter \"ports\" must list ports between 1 and 65535");
    return switchToWebSocket(cluster, req, socket, head, res, entry, protocol, (ws) => servePortForwardChannels(cluster, pod, ports, ws, "v4.channel.k8s.io"));
  }
  const offered = String(req.headers["x-stream-protocol-version"] ?? "").split(",").map((v) => v.trim());
  if (upgrade !== "spdy/3.1" || !offered.includes("portforward.k8s.io")) throw new ApiError(400, "Upgrade request required");
  res.detachSocket(socket as Socket);
  track(cluster, socket);
  socket.write("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: portforward.k8s.io\r\n\r\n");
  entry.code = 101;
  cluster.recordAudit(entry);
  const session = servePortForwardSpdy(cluster, pod, (frame) => socket.write(frame), () => socket.end());
  if (head.length) session.receive(head);
  socket.on("data", (d: Buffer) => session.receive(d));
  socket.on("close", () => session.close());
}

/**
 * The HTTP Upgrade requests of a cluster's API server. `pods/<name>/exec|attach|portforward`
 * are authenticated, authorised (GET → verb get, POST → create, like kube-apiserver v1.31),
 * validated, audited (code 101 when switched) and served: exec and attach over WebSocket
 * channels (SPDY/3.1 from kubectl ≤ 1.29 is refused with a Status), port-forward over the
 * WebSocket SPDY tunnel, WebSocket channels or SPDY/3.1. Any other upgrade request is
 * answered as an ordinary request.
 */
export function serveUpgrade(cluster: ClusterState, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  socket.on("error", () => socket.destroy());
  if (cluster.faults.partition) return void track(cluster, socket);
  const url = new URL(req.url ?? "/", "https://sim.local");
  let parsed;
  try {
    parsed = parseResourcePath(url.pathname, cluster.registry);
  } catch {
    parsed = { kind: "none" as const };
  }
  const sub = parsed.kind === "resource" && parsed.path.type.plural === "pods" && parsed.path.type.group === "" ? parsed.path.subresource : undefined;
  if (!sub || !STREAM_SUBRESOURCES.has(sub) || parsed.kind !== "resource") {
    handleRequest(cluster, req, responseOn(req, socket)).catch(() => socket.destroy());
    return;
  }
  const p = parsed.path;
  const method = req.method ?? "GET";
  const entry: AuditEntry = { time: new Date().toISOString(), user: "", groups: [], verb: method === "POST" ? "create" : "get", method, requestURI: req.url ?? "/", resource: "pods", subresource: sub, namespace: p.namespace, name: p.name, code: 0 };
  const res = responseOn(req, socket);
  auditWhenFinished(cluster, res, entry);
  try {
    const id = authenticateAudited(cluster, req, entry);
    if (method !== "GET" && method !== "POST") throw new ApiError(405, "the server does not allow this method on the requested resource", "MethodNotAllowed");
    if (!p.namespace || !p.name) throw new ApiError(404, "the server could not find the requested resource", "NotFound");
    authorizeStream(cluster, id, { verb: entry.verb, namespace: p.namespace, name: p.name, subresource: sub });
    const upgrade = String(req.headers.upgrade ?? "").toLowerCase();
    if (sub === "portforward") return void servePortForward(cluster, req, socket, head, res, entry, p.namespace, p.name, upgrade, url.searchParams);
    const target = execTarget(cluster, p.namespace, p.name, sub === "attach" ? "attach" : "exec", url.searchParams);
    if (sub === "attach") {
      // Attaching to the container's main process: an interactive shell when the container keeps stdin open, otherwise a process that prints nothing.
      const interactive = target.container.stdin === true;
      target.argv = interactive ? ["sh"] : ["sleep", "315360000"];
      target.stdin &&= interactive;
    }
    if (upgrade !== "websocket") {
      if (upgrade.startsWith("spdy/")) throw new ApiError(400, `the simulator serves ${sub} over WebSocket only (${CHANNEL_PROTOCOLS.join(", ")}), as kubectl ≥ 1.30 and @kubernetes/client-node use; SPDY/3.1 clients (kubectl ≤ 1.29) are not supported`);
      throw new ApiError(400, "Upgrade request required");
    }
    const protocol = pickProtocol(req, CHANNEL_PROTOCOLS) as ChannelProtocol | undefined;
    if (!protocol) throw new ApiError(400, `unable to upgrade: no supported subprotocol offered; the simulator serves ${CHANNEL_PROTOCOLS.join(", ")}`);
    switchToWebSocket(cluster, req, socket, head, res, entry, protocol, (ws) => serveExec(cluster, target, ws, protocol));
  } catch (err) {
    sendError(res, err, cluster.name);
  }
}
