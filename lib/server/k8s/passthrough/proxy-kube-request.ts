import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream";
import type { Dispatcher } from "undici";
import { DATABASE_RETRY_AFTER_S, isDatabaseUnavailableError, markDatabaseUnavailable } from "../../db/database-availability";
import { log } from "../../log/logger";
import { consoleMetrics } from "../../metrics/console-metrics";
import { isClusterConnected } from "../../tunnel/tunnel-registry";
import { dispatcherFor, TUNNEL_ORIGIN } from "../kube-dispatcher";
import { identityOf } from "../kube-identity";
import { DEFAULT_KUBE_TIMEOUT_MS } from "../kube-request";
import { admitPassthrough } from "./admit-passthrough";
import { auditPassthrough } from "./audit-passthrough";
import { forwardedHeaders, relayedHeaders } from "./forwarded-headers";
import { writeKubeStatus } from "./kube-status";
import { isMutating, type RequestAttributes } from "./request-attributes";
import { acquireLongLivedStream, StreamQuotaError, type StreamLease } from "../../streams/long-lived-streams";

/** Requests that may stream for a long time: watches and log follows. */
function isLongLived(attrs: RequestAttributes, query: URLSearchParams): boolean {
  if (attrs.verb === "watch") return true;
  const follow = query.get("follow");
  return attrs.subresource === "log" && follow !== null && follow !== "false" && follow !== "0";
}

function hasBody(req: IncomingMessage): boolean {
  return (req.headers["content-length"] !== undefined && req.headers["content-length"] !== "0") || req.headers["transfer-encoding"] !== undefined;
}

async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? "GET";
  const admission = await admitPassthrough(method, req.url ?? "/", req.headers, false);
  if (!admission.ok) {
    req.resume();
    writeKubeStatus(res, admission.code, admission.reason, admission.message);
    if (admission.refused) auditPassthrough(req, admission.refused.principal, admission.refused.cluster, admission.refused.attrs, admission.code, true);
    return;
  }
  const { principal, cluster, attrs, upstreamPath } = admission;
  const mutating = isMutating(attrs, false);
  if (!isClusterConnected(cluster.id)) {
    req.resume();
    writeKubeStatus(res, 503, "ServiceUnavailable", `cluster "${cluster.name}" is not connected to Outpost (its agent is offline)`);
    if (mutating) auditPassthrough(req, principal, cluster, attrs, 503);
    return;
  }

  const controller = new AbortController();
  let lease: StreamLease | undefined;
  if (isLongLived(attrs, new URL(upstreamPath, TUNNEL_ORIGIN).searchParams)) {
    try {
      // Withdrawn access (user disabled, token revoked…) ends the watch: the connection closes.
      lease = acquireLongLivedStream(principal, attrs.verb === "watch" ? "watch" : "logs", cluster.id, () => {
        controller.abort();
        res.destroy();
      });
    } catch (error) {
      if (!(error instanceof StreamQuotaError)) throw error;
      req.resume();
      writeKubeStatus(res, 429, "TooManyRequests", error.message);
      return;
    }
  }
  // kubectl went away (Ctrl-C on get -w / logs -f): end the upstream request and its tunnel stream.
  res.on("close", () => {
    lease?.release();
    if (!res.writableFinished) controller.abort();
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, DEFAULT_KUBE_TIMEOUT_MS);
  const relayed = consoleMetrics().passthroughBytes;
  // Request bodies are counted by their declared length: a 'data' listener here would start
  // the body flowing before undici reads it.
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > 0) relayed.inc({ direction: "upstream" }, declared);
  let upstream: Dispatcher.ResponseData;
  try {
    upstream = await dispatcherFor(cluster.id).request({
      origin: TUNNEL_ORIGIN,
      path: upstreamPath,
      method: method as Dispatcher.HttpMethod,
      headers: forwardedHeaders(req.rawHeaders, identityOf(principal), false),
      body: hasBody(req) ? req : undefined,
      signal: controller.signal,
      // The deadline covers the response head only: watches and log follows stream for long.
      headersTimeout: 0,
      bodyTimeout: 0,
    });
  } catch (error) {
    clearTimeout(timer);
    if (res.destroyed) return;
    const status = timedOut ? 504 : 503;
    if (timedOut) writeKubeStatus(res, 504, "Timeout", `cluster "${cluster.name}" did not answer within ${DEFAULT_KUBE_TIMEOUT_MS / 1000} s`);
    else writeKubeStatus(res, 503, "ServiceUnavailable", `cannot reach cluster "${cluster.name}": ${error instanceof Error ? error.message : String(error)}`);
    if (mutating) auditPassthrough(req, principal, cluster, attrs, status);
    return;
  }
  clearTimeout(timer);
  res.writeHead(upstream.statusCode, relayedHeaders(upstream.headers));
  // A watch may not send a byte for minutes: kubectl needs the head now.
  res.flushHeaders();
  if (mutating) auditPassthrough(req, principal, cluster, attrs, upstream.statusCode);
  upstream.body.on("error", () => undefined);
  upstream.body.on("data", (chunk: Buffer) => relayed.inc({ direction: "downstream" }, chunk.length));
  pipeline(upstream.body, res, () => undefined);
}

/**
 * The kubectl passthrough `/k8s/clusters/<id>/…` (a raw Node handler: it streams both
 * ways without buffering). Admits the request (API token, viewer read-only), strips the
 * caller's credential and impersonation headers, adds the console user's impersonation,
 * relays request and response over the cluster's tunnel (watch, logs -f included), and
 * audits changing verbs. Errors are Kubernetes Status objects, so kubectl prints them.
 */
export function proxyKubeRequest(req: IncomingMessage, res: ServerResponse): void {
  serve(req, res).catch((error: unknown) => {
    if (isDatabaseUnavailableError(error)) {
      markDatabaseUnavailable("a kubectl request could not reach the database");
      writeKubeStatus(res, 503, "ServiceUnavailable", "Outpost's database is unavailable; retry in a few seconds", undefined, { "retry-after": String(DATABASE_RETRY_AFTER_S) });
      return;
    }
    log.error(`kubectl passthrough failed: ${error instanceof Error ? error.message : String(error)}`);
    writeKubeStatus(res, 500, "InternalError", "Outpost could not handle the request; see the console log");
  });
}
