import type { KubeTarget } from "./load-kube-target";

/** Headers that describe one hop, not the request: never forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/**
 * Builds the request headers for the apiserver: the console's headers minus hop-by-hop ones
 * and minus any Authorization (the console holds no cluster credential and must not inject
 * one), plus the agent's own credential. Impersonate-* and everything else pass through.
 * Repeated headers (Impersonate-Group) stay repeated.
 */
export function upstreamHeaders(rawHeaders: string[], target: KubeTarget, keepUpgrade: boolean): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    const value = rawHeaders[i + 1]!;
    if (name === "authorization" || name === "host") continue;
    if (HOP_BY_HOP.has(name) && !(keepUpgrade && (name === "connection" || name === "upgrade"))) continue;
    const existing = headers[name];
    headers[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  headers.host = target.url.host;
  const authorization = target.authorization();
  if (authorization) headers.authorization = authorization;
  return headers;
}

/** Response headers to relay: the apiserver's minus hop-by-hop ones (Node re-frames the body). */
export function downstreamHeaders(rawHeaders: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (!HOP_BY_HOP.has(rawHeaders[i]!.toLowerCase())) out.push(rawHeaders[i]!, rawHeaders[i + 1]!);
  }
  return out;
}

/** A Kubernetes Status body, so kubectl and client-node show a meaningful error. */
export function statusBody(code: number, reason: string, message: string): string {
  return JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code });
}
