import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { RequestMeta } from "../http/request-meta";
import { getAuth } from "./better-auth";
import { auditActorOf, type Principal } from "./principal";

/**
 * Ends the current session; returns the Set-Cookie headers that clear the cookie and, for a
 * user who signed in with single sign-on, the provider's end-session URL (RP-initiated
 * logout, when the provider offers one) to send the browser to.
 */
export async function signOut(principal: Principal | null, headers: Headers, meta: RequestMeta): Promise<{ cookies: string[]; logoutUrl: string | null }> {
  const response = await getAuth().api.signOut({ headers, body: { callbackURL: "/login", disableRedirect: true }, asResponse: true });
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  if (principal) {
    await recordAuditEvent({ actor: auditActorOf(principal), action: "auth.logout", ip: meta.ip, requestId: meta.requestId });
  }
  return { cookies: response.headers.getSetCookie(), logoutUrl: typeof body.url === "string" ? body.url : null };
}
