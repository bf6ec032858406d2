import "server-only";

const WINDOW_MS = 5 * 60 * 1000;
const MAX_FAILURES = 10;
const MAX_KEYS = 100_000;

type Store = Map<string, number[]>;
const KEY = Symbol.for("outpost.login-failures");
const store: Store = ((globalThis as { [KEY]?: Store })[KEY] ??= new Map());

function recent(key: string, now: number): number[] {
  const times = (store.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  if (times.length === 0) store.delete(key);
  else store.set(key, times);
  return times;
}

/** Key of the limiter: the username and client address together. */
export function loginLimiterKey(username: string, ip: string): string {
  return `${username.toLowerCase()}|${ip}`;
}

/**
 * Login failures per username + IP: after 10 failures within 5 minutes further attempts
 * are refused (429) until the oldest failure leaves the window. In memory: one console
 * process serves a fleet; a restart clears it (documented in docs/SECURITY.md).
 */
export function checkLoginAllowed(key: string, now = Date.now()): { allowed: true } | { allowed: false; retryAfterS: number } {
  const times = recent(key, now);
  if (times.length < MAX_FAILURES) return { allowed: true };
  const oldest = times[times.length - MAX_FAILURES] ?? now;
  return { allowed: false, retryAfterS: Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000)) };
}

export function recordLoginFailure(key: string, now = Date.now()): void {
  if (store.size >= MAX_KEYS && !store.has(key)) {
    const first = store.keys().next().value;
    if (first !== undefined) store.delete(first);
  }
  store.set(key, [...recent(key, now), now]);
}

export function clearLoginFailures(key: string): void {
  store.delete(key);
}
