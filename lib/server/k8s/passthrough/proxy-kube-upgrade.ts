import "server-only";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { DATABASE_RETRY_AFTER_S, isDatabaseUnavailableError, markDatabaseUnavailable } from "../../db/database-availability";
import { log } from "../../log/logger";
import { dialCluster } from "../../tunnel/tunnel-registry";
import { identityOf } from "../kube-identity";
import { admitPassthrough } from "./admit-passthrough";
import { auditPassthrough } from "./audit-passthrough";
import { forwardedHeaders } from "./forwarded-headers";
import { writeKubeStatusToSocket } from "./kube-status";
import { acquireLongLivedStream, StreamQuotaError, type StreamLease } from "../../streams/long-lived-streams";

function requestHead(method: string, path: string, headers: Record<string, string | string[]>): string {
  let head = `${method} ${path} HTTP/1.1\r\nHost: cluster.tunnel\r\n`;
  for (const [name, value] of Object.entries(headers)) {
    for (const v of Array.isArray(value) ? value : [value]) head += `${name}: ${v}\r\n`;
  }
  return `${head}\r\n`;
}

/**
 * kubectl (1.30+) tries exec/attach/port-forward over WebSocket first and, when that
 * upgrade is answered with anything but 101 (a cluster without the WebSocket protocols),
 * repeats it over SPDY. The failed negotiation ran nothing; the SPDY attempt is the one
 * audited, so one exec is one audit event. Refusals (401/403) are audited as they come.
 */
function isRetriedNegotiation(req: IncomingMessage, status: number): boolean {
  const websocket = String(req.headers.upgrade ?? "").toLowerCase() === "websocket";
  return websocket && status !== 101 && status !== 401 && status !== 403;
}

async function serve(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
  const method = req.method ?? "GET";
  const admission = await admitPassthrough(method, req.url ?? "/", req.headers, true);
  if (!admission.ok) {
    writeKubeStatusToSocket(socket, admission.code, admission.reason, admission.message);
    if (admission.refused) auditPassthrough(req, admission.refused.principal, admission.refused.cluster, admission.refused.attrs, admission.code, true);
    return;
  }
  const { principal, cluster, attrs, upstreamPath } = admission;
  let lease: StreamLease;
  try {
    // A shell or port-forward is a long-lived stream; withdrawn access closes it.
    lease = acquireLongLivedStream(principal, "exec", cluster.id, () => socket.destroy());
  } catch (error) {
    if (!(error instanceof StreamQuotaError)) throw error;
    writeKubeStatusToSocket(socket, 429, "TooManyRequests", error.message);
    return;
  }
  socket.once("close", () => lease.release());
  let stream: Duplex;
  try {
    stream = await dialCluster(cluster.id);
  } catch (error) {
    writeKubeStatusToSocket(socket, 503, "ServiceUnavailable", `cannot reach cluster "${cluster.name}": ${error instanceof Error ? error.message : String(error)}`);
    auditPassthrough(req, principal, cluster, attrs, 503);
    return;
  }
  // The agent's proxy forwards the upgrade to the apiserver and pipes both ways; we do the
  // same between kubectl's socket and the tunnel stream. Its 101 (or refusal) flows back raw.
  stream.write(requestHead(method, upstreamPath, forwardedHeaders(req.rawHeaders, identityOf(principal), true)));
  if (head.length > 0) stream.write(head);
  stream.once("data", (chunk: Buffer) => {
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(chunk.subarray(0, 32).toString("latin1"))?.[1] ?? 0);
    if (!isRetriedNegotiation(req, status)) auditPassthrough(req, principal, cluster, attrs, status);
  });
  stream.on("error", () => socket.destroy());
  socket.on("error", () => stream.destroy());
  stream.on("close", () => socket.destroy());
  socket.on("close", () => stream.destroy());
  stream.pipe(socket);
  socket.pipe(stream);
}

/**
 * Upgrade requests of the kubectl passthrough (exec, attach, port-forward over WebSocket or
 * SPDY): admitted like any passthrough request (viewers never), then passed through as raw
 * bytes over a tunnel stream, with the caller's credential replaced by impersonation.
 */
export function proxyKubeUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
  socket.on("error", () => socket.destroy());
  serve(req, socket, head).catch((error: unknown) => {
    if (isDatabaseUnavailableError(error)) {
      markDatabaseUnavailable("a kubectl request could not reach the database");
      writeKubeStatusToSocket(socket, 503, "ServiceUnavailable", "Outpost's database is unavailable; retry in a few seconds", DATABASE_RETRY_AFTER_S);
      return;
    }
    log.error(`kubectl passthrough upgrade failed: ${error instanceof Error ? error.message : String(error)}`);
    writeKubeStatusToSocket(socket, 500, "InternalError", "Outpost could not handle the request; see the console log");
  });
}
