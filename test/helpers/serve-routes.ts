// A real HTTPS server (the console's own certificate) in front of the app's route handlers,
// raw handlers and WebSocket upgrades, for tests whose clients must speak real HTTP: agents,
// the sim's kubelet running the bootstrap, concurrent enrolments. Like server.ts, it sets
// the client IP and request id headers from the connection.
import { randomUUID } from "node:crypto";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { getRuntimeContext, setRuntimeContext } from "@/lib/server/runtime/runtime-context";
import { findRawHandler } from "@/lib/server/runtime/raw-handlers";
import { findUpgradeHandler } from "@/lib/server/runtime/upgrade-handlers";
import { ensureConsoleTls } from "@/lib/server/tls/ensure-console-tls";
import { METHODS, callRoute, type Method } from "./routes";

export interface ServedRoutes {
  /** https://localhost:<port>, also written into the runtime context's serverUrl. */
  url: string;
  close(): Promise<void>;
}

/**
 * Listens on an ephemeral loopback port and makes it the console URL agents are told to use.
 * `intercept` may answer a path itself (a tampered download, a man in the middle).
 */
export async function serveRoutes(opts: { intercept?: (pathname: string) => Buffer | undefined } = {}): Promise<ServedRoutes> {
  const tls = await ensureConsoleTls(getRuntimeContext().config);
  const server = https.createServer({ key: tls.keyPem, cert: tls.certPem }, (req, res) => {
    const pathname = new URL(req.url ?? "/", "https://localhost").pathname;
    const intercepted = opts.intercept?.(pathname);
    if (intercepted) return res.writeHead(200).end(intercepted);
    req.headers["x-outpost-client-ip"] = req.socket.remoteAddress ?? "unknown";
    req.headers["x-request-id"] = randomUUID();
    const raw = findRawHandler(pathname);
    if (raw) return raw(req, res);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const method = (req.method ?? "GET") as Method;
      if (!METHODS.includes(method)) return res.writeHead(405).end();
      const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
      const body = chunks.length > 0 ? Buffer.concat(chunks).toString("utf8") : undefined;
      callRoute(method, req.url ?? "/", { headers, rawBody: body, ip: req.socket.remoteAddress ?? "unknown" })
        .then(async (response) => {
          const payload = Buffer.from(await response.arrayBuffer());
          res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
          res.end(payload);
        })
        .catch((error: unknown) => res.writeHead(500).end(String(error)));
    });
  });
  server.on("upgrade", (req, socket, head) => {
    req.headers["x-outpost-client-ip"] = req.socket.remoteAddress ?? "unknown";
    const upgrade = findUpgradeHandler(new URL(req.url ?? "/", "https://localhost").pathname);
    if (upgrade) upgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `https://localhost:${(server.address() as AddressInfo).port}`;
  const ctx = getRuntimeContext();
  setRuntimeContext({ ...ctx, caPem: tls.caPem, caChecksum: tls.caChecksum, config: { ...ctx.config, serverUrl: url } });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
