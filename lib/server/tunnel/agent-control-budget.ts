import "server-only";

/** Control messages an agent may send per window (hello, info every 60 s, rotation replies). */
export const CONTROL_MESSAGES_PER_WINDOW = 30;
export const CONTROL_WINDOW_MS = 10_000;
/** Reports (hello/info) are written to the database at most this often per cluster. */
export const REPORT_WRITE_INTERVAL_MS = 5_000;

/**
 * What one agent session may make the console do with CONTROL messages: a fixed window
 * count (excess messages are dropped; each further 30 dropped is a violation), and
 * hello/info reports coalesced — only the latest is kept, written at most once per
 * {@link REPORT_WRITE_INTERVAL_MS}, one write in flight — so a flood costs the database
 * one UPDATE per 5 s instead of one per message.
 */
export class AgentControlBudget {
  private windowStart = 0;
  private count = 0;
  private pending: Record<string, unknown> | undefined;
  private lastWriteAt = 0;
  private writing = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly write: (report: Record<string, unknown>) => Promise<void>,
    private readonly onViolation: (what: string) => void,
  ) {}

  /** Admits one control message; false when over budget (the caller drops it). */
  admit(now = Date.now()): boolean {
    if (now - this.windowStart >= CONTROL_WINDOW_MS) {
      this.windowStart = now;
      this.count = 0;
    }
    this.count++;
    if (this.count <= CONTROL_MESSAGES_PER_WINDOW) return true;
    // Every further budget's worth of dropped messages is one violation: a real flood
    // reaches the disconnect threshold within a few hundred messages.
    if ((this.count - CONTROL_MESSAGES_PER_WINDOW) % CONTROL_MESSAGES_PER_WINDOW === 1) {
      this.onViolation(`more than ${CONTROL_MESSAGES_PER_WINDOW} control messages within ${CONTROL_WINDOW_MS / 1000} s`);
    }
    return false;
  }

  /** Queues a report; the latest one wins. */
  report(message: Record<string, unknown>): void {
    if (this.stopped) return;
    this.pending = message;
    this.schedule();
  }

  /** Session closed: drops what is pending and stops the timer. */
  stop(): void {
    this.stopped = true;
    this.pending = undefined;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.writing || this.timer || this.stopped) return;
    const wait = Math.max(0, this.lastWriteAt + REPORT_WRITE_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, wait);
    this.timer.unref();
  }

  private async flush(): Promise<void> {
    const report = this.pending;
    if (!report || this.stopped) return;
    this.pending = undefined;
    this.writing = true;
    this.lastWriteAt = Date.now();
    try {
      await this.write(report);
    } finally {
      this.writing = false;
      if (this.pending) this.schedule();
    }
  }
}
