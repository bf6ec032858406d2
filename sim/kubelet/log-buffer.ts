/** One captured line of a real process' output. */
export interface LogEntry {
  ms: number;
  text: string;
}

const MAX_BYTES = 1024 * 1024;

/**
 * Captured stdout/stderr of one container run (bounded to 1 MiB, oldest lines dropped, as
 * the kubelet's log rotation would) with follow subscribers.
 */
export class LogBuffer {
  readonly entries: LogEntry[] = [];
  private bytes = 0;
  private partial = "";
  private readonly followers = new Set<(e: LogEntry | null) => void>();
  closed = false;

  /** Appends raw output, split into lines. */
  write(chunk: Buffer | string): void {
    const text = this.partial + chunk.toString();
    const lines = text.split("\n");
    this.partial = lines.pop() ?? "";
    for (const line of lines) this.push(line);
  }

  private push(text: string): void {
    const e = { ms: Date.now(), text };
    this.entries.push(e);
    this.bytes += text.length + 1;
    while (this.bytes > MAX_BYTES && this.entries.length > 1) this.bytes -= (this.entries.shift()?.text.length ?? 0) + 1;
    for (const f of this.followers) f(e);
  }

  /** Marks the end of the run (flushes a partial line, ends follows). */
  close(): void {
    if (this.closed) return;
    if (this.partial) this.push(this.partial);
    this.partial = "";
    this.closed = true;
    for (const f of this.followers) f(null);
    this.followers.clear();
  }

  /** Subscribes to new lines; null signals the end. Returns unsubscribe. */
  follow(f: (e: LogEntry | null) => void): () => void {
    if (this.closed) {
      f(null);
      return () => undefined;
    }
    this.followers.add(f);
    return () => this.followers.delete(f);
  }
}
