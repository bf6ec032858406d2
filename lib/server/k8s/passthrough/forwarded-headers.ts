import "server-only";
import { impersonationHeaders, type KubeIdentity } from "../kube-identity";

/** Hop-by-hop headers (RFC 9110 §7.6.1): they describe one connection, never forwarded. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"]);

/**
 * The caller's request headers as the cluster may see them: without their credential
 * (Authorization, Cookie), without any Impersonate-* they sent (a caller must not choose
 * whom to impersonate), without our internal x-outpost-* headers and hop-by-hop ones —
 * plus the impersonation of the console user. `keepUpgrade` keeps Connection/Upgrade.
 */
export function forwardedHeaders(rawHeaders: string[], identity: KubeIdentity, keepUpgrade: boolean): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    const value = rawHeaders[i + 1]!;
    // Expect: 100-continue was answered by our own server (Node sends the 100 before the
    // handler runs); the body is already on its way, so the cluster must not wait for it again.
    if (name === "expect") continue;
    if (name === "authorization" || name === "cookie" || name === "host" || name.startsWith("impersonate-") || name.startsWith("x-outpost-") || name === "x-request-id") continue;
    if (HOP_BY_HOP.has(name) && !(keepUpgrade && (name === "connection" || name === "upgrade"))) continue;
    const existing = out[name];
    out[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return { ...out, ...impersonationHeaders(identity) };
}

/** Response headers to relay: the cluster's minus hop-by-hop ones (Node re-frames the body). */
export function relayedHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name.toLowerCase())) out[name] = value;
  return out;
}
