import "server-only";

/**
 * Counts events per key in a sliding window, in memory, with a bound on tracked keys
 * (the oldest key is forgotten first). One console process serves a fleet, so an
 * in-process limiter is enough; a restart clears it.
 */
export class SlidingWindowLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const times = (this.events.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (times.length === 0) this.events.delete(key);
    else this.events.set(key, times);
    return times;
  }

  /** Whether another event is allowed now; when not, how many seconds until it is. */
  check(key: string, now = Date.now()): { allowed: true } | { allowed: false; retryAfterS: number } {
    const times = this.recent(key, now);
    if (times.length < this.limit) return { allowed: true };
    const oldest = times[times.length - this.limit] ?? now;
    return { allowed: false, retryAfterS: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
  }

  record(key: string, now = Date.now()): void {
    if (this.events.size >= this.maxKeys && !this.events.has(key)) {
      const first = this.events.keys().next().value;
      if (first !== undefined) this.events.delete(first);
    }
    this.events.set(key, [...this.recent(key, now), now]);
  }

  /** check + record in one step (for limits that count every attempt, not only failures). */
  take(key: string, now = Date.now()): ReturnType<SlidingWindowLimiter["check"]> {
    const result = this.check(key, now);
    if (result.allowed) this.record(key, now);
    return result;
  }

  clear(key: string): void {
    this.events.delete(key);
  }
}

/** A limiter shared by every module copy in the process (server.ts and Next's bundles). */
export function sharedLimiter(name: string, limit: number, windowMs: number): SlidingWindowLimiter {
  const key = Symbol.for(`outpost.limiter.${name}`);
  const holder = globalThis as { [k: symbol]: SlidingWindowLimiter | undefined };
  return (holder[key] ??= new SlidingWindowLimiter(limit, windowMs));
}
