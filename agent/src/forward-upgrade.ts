import type http from "node:http";
import https from "node:https";
import type { Duplex } from "node:stream";
import type { KubeTarget } from "./load-kube-target";
import { errorMessage, type Logger } from "./logger";
import { downstreamHeaders, statusBody, upstreamHeaders } from "./proxy-headers";

/** Largest refused-upgrade body relayed (a Status object is a few hundred bytes). */
const MAX_REFUSAL_BODY = 64 * 1024;

function writeHead(socket: Duplex, status: number, message: string, rawHeaders: string[]): void {
  let head = `HTTP/1.1 ${status} ${message}\r\n`;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) head += `${rawHeaders[i]}: ${rawHeaders[i + 1]}\r\n`;
  socket.write(`${head}\r\n`);
}

/**
 * Forwards an Upgrade request (exec, attach, port-forward: SPDY or WebSocket) to the
 * apiserver with the agent's credentials, then pipes the two sockets both ways. A refused
 * upgrade (403, 404…) is relayed as an ordinary response and the stream is closed.
 */
export function forwardUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer, target: KubeTarget, log: Logger): void {
  socket.on("error", () => socket.destroy());
  const upstream = https.request({
    protocol: "https:",
    hostname: target.url.hostname.replace(/^\[|\]$/g, ""),
    port: target.url.port || 443,
    method: req.method,
    path: req.url,
    headers: upstreamHeaders(req.rawHeaders, target, true),
    // An upgraded connection leaves the pool for good: give it its own TLS connection.
    agent: false,
    ...target.tls,
  });

  upstream.on("upgrade", (res: http.IncomingMessage, upstreamSocket: Duplex, upstreamHead: Buffer) => {
    writeHead(socket, res.statusCode ?? 101, res.statusMessage ?? "Switching Protocols", res.rawHeaders);
    if (upstreamHead.length > 0) socket.write(upstreamHead);
    if (head.length > 0) upstreamSocket.write(head);
    upstreamSocket.on("error", () => socket.destroy());
    socket.on("close", () => upstreamSocket.destroy());
    upstreamSocket.on("close", () => socket.destroy());
    upstreamSocket.pipe(socket);
    socket.pipe(upstreamSocket);
  });

  upstream.on("response", (res: http.IncomingMessage) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REFUSAL_BODY) chunks.push(chunk);
    });
    res.on("end", () => {
      const body = Buffer.concat(chunks);
      const headers = downstreamHeaders(res.rawHeaders).filter((_, i, all) => {
        const name = (i % 2 === 0 ? all[i] : all[i - 1])!.toLowerCase();
        return name !== "content-length";
      });
      writeHead(socket, res.statusCode ?? 502, res.statusMessage ?? "", [...headers, "Content-Length", String(body.length), "Connection", "close"]);
      socket.end(body);
    });
  });

  upstream.on("error", (error) => {
    log.warn("apiserver upgrade failed", { path: req.url?.split("?")[0], error: errorMessage(error) });
    const body = statusBody(503, "ServiceUnavailable", `outpost-agent: cannot reach the kube-apiserver: ${errorMessage(error)}`);
    writeHead(socket, 503, "Service Unavailable", ["Content-Type", "application/json", "Content-Length", String(Buffer.byteLength(body)), "Connection", "close"]);
    socket.end(body);
  });
  socket.on("close", () => upstream.destroy());
  upstream.end();
}
