/** A scheduled task; cancel() makes it a no-op. */
export interface TimerHandle {
  cancel(): void;
}

interface Entry {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/**
 * One process-wide timer for all simulated clocks (kubelets, leases, log lines): a binary
 * min-heap with a single setTimeout armed for the earliest entry, so thousands of clusters
 * cost no per-object timers.
 */
export class TimerHeap {
  private heap: Entry[] = [];
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private armedAt = Infinity;
  private stopped = false;

  /** Runs fn after delayMs (>= 0). */
  after(delayMs: number, fn: () => void): TimerHandle {
    return this.at(Date.now() + Math.max(0, delayMs), fn);
  }

  /** Runs fn at the absolute time atMs. */
  at(atMs: number, fn: () => void): TimerHandle {
    const e: Entry = { at: atMs, seq: this.seq++, fn, cancelled: false };
    this.push(e);
    this.arm();
    return { cancel: () => void (e.cancelled = true) };
  }

  size(): number {
    return this.heap.length;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.heap = [];
  }

  private arm(): void {
    const first = this.heap[0];
    if (!first || this.stopped) return;
    if (this.timer && first.at >= this.armedAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.armedAt = first.at;
    this.timer = setTimeout(() => this.run(), Math.max(0, first.at - Date.now()));
    this.timer.unref();
  }

  private run(): void {
    this.timer = undefined;
    this.armedAt = Infinity;
    const now = Date.now();
    let budget = 5000; // yield to I/O after a burst
    while (budget-- > 0) {
      const first = this.heap[0];
      if (!first || first.at > now) break;
      this.pop();
      if (first.cancelled) continue;
      try {
        first.fn();
      } catch (err) {
        console.error("sim: timer task failed:", err);
      }
    }
    this.arm();
  }

  private less(a: Entry, b: Entry): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(e: Entry): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pe = h[p] as Entry;
      if (!this.less(e, pe)) break;
      h[i] = pe;
      i = p;
    }
    h[i] = e;
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop();
    if (!last || h.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      let me = last;
      const le = h[l];
      const re = h[r];
      if (le && this.less(le, me)) {
        m = l;
        me = le;
      }
      if (re && this.less(re, me)) m = r;
      if (m === i) break;
      h[i] = h[m] as Entry;
      i = m;
    }
    h[i] = last;
  }
}
