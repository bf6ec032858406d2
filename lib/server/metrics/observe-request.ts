import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { consoleMetrics } from "./console-metrics";
import type { RouteLabeler } from "./route-label";

/** Responses that stream for as long as someone watches: counted, but kept out of latency. */
function isStream(res: ServerResponse): boolean {
  const type = String(res.getHeader("content-type") ?? "");
  return type.startsWith("text/event-stream") || /[?&]watch=(true|1)|[?&]follow=true/.test(res.req?.url ?? "");
}

/** Counts a request and its latency once its response has finished (or the client left). */
export function observeRequest(labeler: RouteLabeler, req: IncomingMessage, res: ServerResponse): void {
  const started = process.hrtime.bigint();
  const pathname = (req.url ?? "/").split("?")[0] ?? "/";
  const done = () => {
    const metrics = consoleMetrics();
    const route = labeler.label(pathname);
    const method = req.method ?? "GET";
    metrics.httpRequests.inc({ route, method, status: String(res.statusCode) });
    if (!isStream(res)) metrics.httpDuration.observe({ route, method }, Number(process.hrtime.bigint() - started) / 1e9);
  };
  res.once("close", done);
}
