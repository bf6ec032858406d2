import https from "node:https";
import type { Socket } from "node:net";
import { handleRequest } from "../api/handle-request";
import { sendStatus } from "../api/http-io";
import { statusOf } from "../api/status";
import { serveUpgrade } from "../exec/serve-upgrade";
import type { ClusterState } from "./cluster-state";

/**
 * Starts the HTTPS API server of a cluster on 127.0.0.1:port (0 = ephemeral). Faults act
 * here: partition leaves requests hanging, latency delays, errorRate answers a Status.
 */
export async function serveCluster(cluster: ClusterState, port: number): Promise<https.Server> {
  const hanging = new Set<Socket>();
  const server = https.createServer({ cert: cluster.certs.certPem, key: cluster.certs.keyPem, ca: cluster.certs.caPem, requestTimeout: 0, keepAliveTimeout: 65_000 }, (req, res) => {
    const f = cluster.faults;
    if (f.partition) {
      // Accept, read nothing, answer nothing: what a black-holed link looks like.
      hanging.add(req.socket);
      req.socket.once("close", () => hanging.delete(req.socket));
      return;
    }
    const go = (): void => {
      if (f.errorRate && Math.random() < f.errorRate && !/^\/(healthz|livez|readyz)/.test(req.url ?? "")) {
        const codes = f.errorCodes?.length ? f.errorCodes : [500, 503, 429];
        const code = codes[Math.floor(Math.random() * codes.length)] ?? 500;
        req.resume();
        const msg = code === 429 ? "Too many requests, please try again later." : code === 503 ? "the server is currently unable to handle the request" : "Internal error occurred: injected fault";
        return sendStatus(res, statusOf(code, msg, undefined, code === 429 ? { retryAfterSeconds: 1 } : undefined), code === 429 ? { "Retry-After": "1" } : {});
      }
      handleRequest(cluster, req, res).catch((err: unknown) => {
        console.error(`sim ${cluster.name}: request failed:`, err);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    };
    if (f.latencyMs && f.latencyMs > 0) cluster.rt.timers.after(f.latencyMs, go);
    else go();
  });
  server.on("upgrade", (req, socket, head: Buffer) => serveUpgrade(cluster, req, socket, head));
  server.on("clientError", (_err, socket) => socket.destroy());
  server.on("tlsClientError", () => undefined);
  cluster.stopHooks.push(() => new Promise<void>((resolve) => {
    for (const s of hanging) s.destroy();
    for (const r of cluster.streams) r.destroy();
    server.close(() => resolve());
    server.closeAllConnections();
  }));
  (server as unknown as { hanging: Set<Socket> }).hanging = hanging;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const addr = server.address();
  cluster.port = typeof addr === "object" && addr ? addr.port : port;
  return server;
}

/** Releases connections left hanging by a partition (clients see them reset). */
export function releaseHanging(server: https.Server): void {
  const h = (server as unknown as { hanging?: Set<Socket> }).hanging;
  for (const s of h ?? []) s.destroy();
  h?.clear();
}
