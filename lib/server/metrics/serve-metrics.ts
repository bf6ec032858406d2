import "server-only";
import { timingSafeEqual, createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getRuntimeContext } from "../runtime/runtime-context";
import { consoleMetrics } from "./console-metrics";

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(text + "\n");
}

/**
 * `GET /metrics` — Prometheus text format for a scraper holding OUTPOST_METRICS_TOKEN
 * (`Authorization: Bearer …`). Without a configured token the endpoint does not exist (404),
 * so a console never exposes its figures by accident.
 */
export function serveMetrics(req: IncomingMessage, res: ServerResponse): void {
  const token = getRuntimeContext().config.metricsToken;
  if (!token) return plain(res, 404, "metrics are disabled: set OUTPOST_METRICS_TOKEN to enable /metrics");
  if (req.method !== "GET" && req.method !== "HEAD") return plain(res, 405, "method not allowed: use GET", { allow: "GET, HEAD" });
  const presented = (req.headers.authorization ?? "").match(/^Bearer\s+(\S+)$/i)?.[1] ?? "";
  if (!timingSafeEqual(digest(presented), digest(token))) {
    return plain(res, 401, "unauthorized: present the metrics token as 'Authorization: Bearer <token>'", { "www-authenticate": 'Bearer realm="outpost-metrics"' });
  }
  const { registry } = consoleMetrics();
  registry.metrics().then(
    (text) => {
      res.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : text);
    },
    (error: unknown) => plain(res, 503, `metrics could not be collected: ${error instanceof Error ? error.message : String(error)}`),
  );
}
