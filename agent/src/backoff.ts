/** Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And Jitter"). */
export interface Backoff {
  /** Next delay in ms: uniform in [0, min(cap, base·2^attempt)). */
  next(): number;
  /** Start over (after a connection stayed up long enough). */
  reset(): void;
}

export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  /**
   * After a reset (a healthy tunnel was lost — typically a console restart), delays stay
   * under `fastCapMs` for `fastWindowMs`, so agents are back within seconds of the console
   * instead of up to a full cap later; a long outage still backs off to `capMs`.
   */
  fastCapMs?: number;
  fastWindowMs?: number;
  random?: () => number;
  now?: () => number;
}

/**
 * Creates a full-jitter backoff. Full jitter spreads a thousand agents reconnecting after a
 * console restart evenly over the window instead of in synchronized waves.
 */
export function createBackoff(opts: BackoffOptions = {}): Backoff {
  const { baseMs = 1_000, capMs = 60_000, fastCapMs = 10_000, fastWindowMs = 120_000, random = Math.random, now = Date.now } = opts;
  let attempt = 0;
  let fastUntil = 0;
  return {
    next() {
      const cap = now() < fastUntil ? Math.min(capMs, fastCapMs) : capMs;
      const ceiling = Math.min(cap, baseMs * 2 ** Math.min(attempt, 30));
      attempt++;
      return Math.floor(random() * ceiling);
    },
    reset() {
      attempt = 0;
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
