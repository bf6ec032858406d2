import "server-only";
import type { ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { STATUS_CODES } from "node:http";

/** A Kubernetes Status body: kubectl prints `Error from server (<reason>): <message>`. */
export function kubeStatusBody(code: number, reason: string, message: string, details?: Record<string, unknown>): string {
  return JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, ...(details ? { details } : {}), code });
}

/** Answers a passthrough request with a Status object. */
export function writeKubeStatus(res: ServerResponse, code: number, reason: string, message: string, details?: Record<string, unknown>, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = kubeStatusBody(code, reason, message, details);
  res.writeHead(code, { "content-type": "application/json", "content-length": Buffer.byteLength(body), "cache-control": "no-store", ...headers });
  res.end(body);
}

/** Answers an upgrade request (raw socket) with a Status object and closes it. */
export function writeKubeStatusToSocket(socket: Duplex, code: number, reason: string, message: string, retryAfterS?: number): void {
  const body = kubeStatusBody(code, reason, message);
  const retry = retryAfterS === undefined ? "" : `Retry-After: ${retryAfterS}\r\n`;
  socket.end(
    `HTTP/1.1 ${code} ${STATUS_CODES[code] ?? ""}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${retry}Connection: close\r\n\r\n${body}`,
  );
}
