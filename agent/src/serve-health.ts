import http from "node:http";
import type { Logger } from "./logger";

/** The /healthz endpoint: 200 while the tunnel is up, 503 otherwise. */
export interface HealthServer {
  setTunnelUp(up: boolean): void;
  close(): Promise<void>;
}

/**
 * Serves `GET /healthz` on `port` (0 = off). A port already in use only logs a warning: under
 * the simulator many agents share one machine and only one can own the port.
 */
export function serveHealth(port: number, log: Logger): HealthServer {
  let up = false;
  if (port === 0) return { setTunnelUp: (value) => void (up = value), close: async () => {} };
  const server = http.createServer((req, res) => {
    if (req.url !== "/healthz" || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(up ? 200 : 503, { "content-type": "text/plain" }).end(up ? "ok\n" : "tunnel down\n");
  });
  server.on("error", (error: NodeJS.ErrnoException) => {
    log.warn("health endpoint disabled", { port, error: error.code ?? error.message });
  });
  server.listen(port);
  return {
    setTunnelUp: (value) => void (up = value),
    close: () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
  };
}
