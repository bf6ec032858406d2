import "server-only";
import { PostgresWindowLimiter, type TLimitDecision } from "../http/postgres-window-limiter";

// 10 password checks per 5 minutes per username + client IP, counted in PostgreSQL before
// the check (atomic under any concurrency, shared by replicas); a success clears the count.
const attempts = new PostgresWindowLimiter("login", 10, 5 * 60 * 1000);

/** Key of the limiter: the username and client address together. */
export function loginLimiterKey(username: string, ip: string): string {
  return `${username.toLowerCase()}|${ip}`;
}

/** Admits one password check for `key`; refused once 10 were admitted within 5 minutes. */
export function takeLoginAttempt(key: string): Promise<TLimitDecision> {
  return attempts.take(key);
}

/** After a successful login: earlier failures no longer count. */
export function clearLoginAttempts(key: string): Promise<void> {
  return attempts.clear(key);
}
