import "server-only";

/**
 * At most `limit` tasks at once; the rest wait in FIFO order. Bursts (a thousand agents
 * enrolling after a site comes back online) then queue in memory instead of exhausting the
 * database pool and failing with timeouts.
 */
export class ConcurrencyGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/** A gate shared by every module copy in the process (server.ts and Next's bundles). */
export function sharedGate(name: string, limit: number): ConcurrencyGate {
  const key = Symbol.for(`outpost.gate.${name}`);
  const holder = globalThis as { [k: symbol]: ConcurrencyGate | undefined };
  return (holder[key] ??= new ConcurrencyGate(limit));
}
