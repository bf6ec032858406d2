import "server-only";
import { sharedLimiter } from "../http/sliding-window-limiter";

// 10 failures per 5 minutes per username + client IP; successes do not count.
const failures = () => sharedLimiter("login-failures", 10, 5 * 60 * 1000);

/** Key of the limiter: the username and client address together. */
export function loginLimiterKey(username: string, ip: string): string {
  return `${username.toLowerCase()}|${ip}`;
}

/** Whether a login attempt may proceed; refused after 10 failures within 5 minutes. */
export function checkLoginAllowed(key: string, now = Date.now()) {
  return failures().check(key, now);
}

export function recordLoginFailure(key: string, now = Date.now()): void {
  failures().record(key, now);
}

export function clearLoginFailures(key: string): void {
  failures().clear(key);
}
