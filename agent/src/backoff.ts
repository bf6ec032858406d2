/** Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And Jitter"). */
export interface Backoff {
  /** Next delay in ms: uniform in [0, min(cap, base·2^attempt)). */
  next(): number;
  /** Start over (after a connection stayed up long enough). */
  reset(): void;
  /**
   * A tunnel was up just now, if only briefly: keep the growth so far (a flapping connection
   * still backs off) but stay under the fast cap for the fast window, as after a reset.
   */
  reachable(): void;
}

export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  /**
   * After a reset (a healthy tunnel was lost — a console restart, a replica gone, a database
   * outage), delays stay under `fastCapMs` for `fastWindowMs` (15 min), so agents are back
   * within seconds of the console instead of up to a full cap later; a longer outage backs
   * off to `capMs`. The console bounds the storm itself: a busy or database-less console
   * answers the upgrade 503 with a jittered `Retry-After`, which the agent honours.
   */
  fastCapMs?: number;
  fastWindowMs?: number;
  /**
   * The first delay after a reset is drawn from [0, spreadMs) instead of [0, base): when a
   * console restarts, all its agents lose their tunnel in the same instant, and spreading
   * their first attempts over a few seconds keeps them from arriving as one wave of TLS
   * handshakes (which would fail many and push them up the backoff).
   */
  spreadMs?: number;
  random?: () => number;
  now?: () => number;
}

/**
 * Creates a full-jitter backoff. Full jitter spreads a thousand agents reconnecting after a
 * console restart evenly over the window instead of in synchronized waves.
 */
export function createBackoff(opts: BackoffOptions = {}): Backoff {
  const { baseMs = 1_000, capMs = 30_000, fastCapMs = 10_000, fastWindowMs = 15 * 60_000, spreadMs = 5_000, random = Math.random, now = Date.now } = opts;
  let attempt = 0;
  let fastUntil = 0;
  let spreadNext = false;
  return {
    next() {
      if (spreadNext) {
        spreadNext = false;
        attempt++;
        return Math.floor(random() * Math.min(spreadMs, capMs));
      }
      const cap = now() < fastUntil ? Math.min(capMs, fastCapMs) : capMs;
      const ceiling = Math.min(cap, baseMs * 2 ** Math.min(attempt, 30));
      attempt++;
      return Math.floor(random() * ceiling);
    },
    reset() {
      attempt = 0;
      spreadNext = true;
      fastUntil = now() + fastWindowMs;
    },
    reachable() {
      fastUntil = now() + fastWindowMs;
    },
  };
}

/** Resolves after `ms`, or early (without error) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
