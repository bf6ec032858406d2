import "server-only";
import type { TUser } from "@/lib/shared/users/users.schema";
import { prisma } from "../db/prisma";
import { recordAuditEvent } from "../audit/record-audit-event";
import { ApiError } from "../http/api-error";
import type { RequestMeta } from "../http/request-meta";
import { toUserDto } from "../users/to-user-dto";
import { getAuth } from "./better-auth";
import { clearLoginAttempts, loginLimiterKey, takeLoginAttempt } from "./login-rate-limiter";

/** One message for every failure: no oracle for which usernames exist or are disabled. */
const INVALID = "Invalid username or password";

/**
 * Password login: rate limit (per username + IP, every attempt counted before the check) → better-auth verifies the password and
 * creates the session → the caller forwards the Set-Cookie headers. Successes and
 * failures are audited.
 */
export async function signIn(
  input: { username: string; password: string },
  headers: Headers,
  meta: RequestMeta,
): Promise<{ user: TUser; setCookies: string[] }> {
  const key = loginLimiterKey(input.username, meta.ip);
  // Counted before the password check, atomically: parallel attempts cannot overrun it.
  const allowed = await takeLoginAttempt(key);
  if (!allowed.allowed) {
    throw new ApiError("rate_limited", `Too many failed logins; try again in ${allowed.retryAfterS} s`, {
      headers: { "retry-after": String(allowed.retryAfterS) },
    });
  }
  const fail = async (reason: string): Promise<never> => {
    await recordAuditEvent({
      actor: { id: null, name: input.username.slice(0, 64) },
      action: "auth.login",
      outcome: "failure",
      ip: meta.ip,
      requestId: meta.requestId,
      details: { reason },
    });
    throw new ApiError("invalid_credentials", INVALID);
  };

  const user = await prisma.user.findUnique({ where: { username: input.username } });
  if (user?.disabledAt) return fail("disabled");
  const response = await getAuth().api.signInUsername({
    body: { username: input.username, password: input.password },
    headers,
    asResponse: true,
  });
  if (!response.ok || !user) return fail(user ? "wrong-password" : "unknown-user");

  await clearLoginAttempts(key);
  await recordAuditEvent({
    actor: { id: user.id, name: input.username },
    action: "auth.login",
    ip: meta.ip,
    requestId: meta.requestId,
    details: { userAgent: meta.userAgent },
  });
  return { user: toUserDto(user), setCookies: response.headers.getSetCookie() };
}
