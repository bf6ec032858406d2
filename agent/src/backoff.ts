/** Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And Jitter"). */
export interface Backoff {
  /** Next delay in ms: uniform in [0, min(cap, base·2^attempt)). */
  next(): number;
  /** Start over (after a connection stayed up long enough). */
  reset(): void;
}

/**
 * Creates a full-jitter backoff. Full jitter spreads a thousand agents reconnecting after a
 * console restart evenly over the window instead of in synchronized waves.
 */
export function createBackoff(baseMs = 1_000, capMs = 60_000, random: () => number = Math.random): Backoff {
  let attempt = 0;
  return {
    next() {
      const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
      attempt++;
      return Math.floor(random() * ceiling);
    },
    reset() {
      attempt = 0;
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
