import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { RequestMeta } from "../http/request-meta";
import { getAuth } from "./better-auth";
import { auditActorOf, type Principal } from "./principal";

/** Ends the current session; returns the Set-Cookie headers that clear the cookie. */
export async function signOut(principal: Principal | null, headers: Headers, meta: RequestMeta): Promise<string[]> {
  const response = await getAuth().api.signOut({ headers, asResponse: true });
  if (principal) {
    await recordAuditEvent({ actor: auditActorOf(principal), action: "auth.logout", ip: meta.ip, requestId: meta.requestId });
  }
  return response.headers.getSetCookie();
}
