/** Most stdin held for a command that does not read it (a pipe buffer, generously). */
export const MAX_BUFFERED_STDIN = 1024 * 1024;

/**
 * The stdin of a simulated process: bytes pushed by the exec stream, read by commands
 * line by line or to the end. `end()` is EOF (the client closed stdin, or ^D on a tty).
 */
export class InputQueue {
  private buf = Buffer.alloc(0);
  private ended = false;
  private waiters: (() => void)[] = [];
  private lineReaders = 0;

  /** True while someone waits in readLine() without a signal (a shell at its prompt). */
  get readingLine(): boolean {
    return this.lineReaders > 0;
  }

  push(data: Buffer | string): void {
    // Past the bound, input is dropped rather than held: one client cannot grow the simulator.
    if (this.ended || this.buf.length >= MAX_BUFFERED_STDIN) return;
    this.buf = Buffer.concat([this.buf, typeof data === "string" ? Buffer.from(data) : data]);
    this.wake();
  }

  end(): void {
    this.ended = true;
    this.wake();
  }

  get isEnded(): boolean {
    return this.ended && this.buf.length === 0;
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private wait(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const done = (): void => {
        signal?.removeEventListener("abort", done);
        resolve();
      };
      this.waiters.push(done);
      signal?.addEventListener("abort", done, { once: true });
    });
  }

  /** Next line without its newline; null at EOF (a last unterminated line is returned first). */
  async readLine(signal?: AbortSignal): Promise<string | null> {
    for (;;) {
      const nl = this.buf.indexOf(10);
      if (nl >= 0) {
        const line = this.buf.subarray(0, nl).toString("utf8");
        this.buf = this.buf.subarray(nl + 1);
        return line;
      }
      if (this.ended || signal?.aborted) {
        if (this.buf.length === 0) return null;
        const line = this.buf.toString("utf8");
        this.buf = Buffer.alloc(0);
        return line;
      }
      if (!signal) this.lineReaders++;
      try {
        await this.wait(signal);
      } finally {
        if (!signal) this.lineReaders--;
      }
    }
  }

  /** Whatever is buffered now, or waits for more; null at EOF. */
  async readChunk(signal?: AbortSignal): Promise<Buffer | null> {
    for (;;) {
      if (this.buf.length > 0) {
        const out = this.buf;
        this.buf = Buffer.alloc(0);
        return out;
      }
      if (this.ended || signal?.aborted) return null;
      await this.wait(signal);
    }
  }
}
