import http from "node:http";
import https from "node:https";
import type { Duplex } from "node:stream";
import type { KubeTarget } from "./load-kube-target";
import { errorMessage, type Logger } from "./logger";
import { forwardUpgrade } from "./forward-upgrade";
import { downstreamHeaders, statusBody, upstreamHeaders } from "./proxy-headers";

/** An in-process HTTP server fed with tunnel streams that forwards to the kube-apiserver. */
export interface KubeProxy {
  /** Serves HTTP/1.1 arriving on one tunnel stream (the console's connection). */
  handleStream(stream: Duplex): void;
  /** Drops pooled apiserver connections. */
  close(): void;
}

/**
 * Creates the authenticating proxy: each tunnel stream is handed to an `http.Server` (no
 * listening socket) whose handlers forward every request to the apiserver with the agent's
 * credentials, streaming bodies both ways (watch, logs -f) and piping upgrades (exec).
 */
export function createKubeProxy(target: KubeTarget, log: Logger): KubeProxy {
  const upstreamAgent = new https.Agent({ keepAlive: true, maxFreeSockets: 16, ...target.tls });
  const server = http.createServer({ keepAliveTimeout: 65_000, requestTimeout: 0 }, (req, res) => {
    const upstream = https.request(
      {
        protocol: "https:",
        hostname: target.url.hostname.replace(/^\[|\]$/g, ""),
        port: target.url.port || 443,
        method: req.method,
        path: req.url,
        headers: upstreamHeaders(req.rawHeaders, target, false),
        agent: upstreamAgent,
      },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, downstreamHeaders(upstreamRes.rawHeaders));
        // Watches and log follows (no Content-Length) may not send a byte for minutes: the client
        // needs the head now. A sized response travels with its first body bytes instead, which
        // saves a tunnel frame per request.
        if (upstreamRes.headers["content-length"] === undefined) res.flushHeaders();
        upstreamRes.pipe(res);
        upstreamRes.on("error", (error) => res.destroy(error));
      },
    );
    upstream.on("error", (error) => {
      if (res.headersSent) {
        res.destroy(error);
        return;
      }
      log.warn("apiserver request failed", { method: req.method, error: errorMessage(error) });
      const body = statusBody(503, "ServiceUnavailable", `outpost-agent: cannot reach the kube-apiserver: ${errorMessage(error)}`);
      res.writeHead(503, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
    });
    // The console went away (watch cancelled, stream reset): stop the apiserver request too.
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });
  server.on("upgrade", (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    forwardUpgrade(req, socket, head, target, log);
  });
  // Errors on one stream (peer reset) concern only that stream.
  server.on("clientError", (_error, socket: Duplex) => socket.destroy());

  return {
    handleStream(stream) {
      server.emit("connection", stream);
    },
    close() {
      upstreamAgent.destroy();
    },
  };
}
