import type { ClusterState } from "../cluster/cluster-state";
import { resolveEnv } from "../kubelet/agent-process";
import type { Container, Pod } from "../store/kube-types";
import { imageProfile } from "./shell/image-profile";
import { InputQueue } from "./shell/input-queue";
import type { ExecTarget } from "./exec-target";
import { podFilesystem } from "./shell/pod-filesystem";
import { runExecCommand } from "./shell/run-shell";
import type { ProcessIO, ShellState, TermSize } from "./shell/shell-context";

/** What an exec (or attach) asks for: the command and which streams the client opened. */
export type ExecRequest = ExecTarget;

/** Where the session writes: channel 1 (stdout) or 2 (stderr). */
export type ExecWrite = (channel: 1 | 2, data: Buffer) => void;

function containerEnv(cluster: ClusterState, pod: Pod, container: Container, hostname: string, tty: boolean): Map<string, string> {
  const env = new Map<string, string>([
    ["PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
    ["HOSTNAME", hostname],
  ]);
  if (tty) env.set("TERM", "xterm");
  for (const [k, v] of Object.entries(resolveEnv(cluster, pod, container.env ?? []))) env.set(k, v);
  env.set("KUBERNETES_SERVICE_HOST", "10.43.0.1");
  env.set("KUBERNETES_SERVICE_PORT", "443");
  env.set("KUBERNETES_SERVICE_PORT_HTTPS", "443");
  env.set("KUBERNETES_PORT", "tcp://10.43.0.1:443");
  env.set("HOME", "/root");
  return env;
}

/**
 * One exec into a simulated container: its shell state, stdin (with a tty's line
 * discipline: echo, erase, ^C, ^D, CR → CRLF on output) and the last terminal size.
 * Feed it with `stdin()`, `stdinEnd()`, `resize()`; `run()` resolves the exit status.
 */
export class ExecSession {
  private readonly queue?: InputQueue;
  private readonly sh: ShellState;
  private size?: TermSize;
  private line = "";
  private escape = 0;
  private interrupt = new AbortController();
  private closed = false;

  constructor(
    cluster: ClusterState,
    private readonly req: ExecRequest,
    private readonly write: ExecWrite,
  ) {
    if (req.stdin) this.queue = new InputQueue();
    const hostname = typeof req.pod.spec.hostname === "string" ? req.pod.spec.hostname : req.pod.metadata.name;
    const node = cluster.store.get("/nodes", undefined, req.pod.spec.nodeName ?? "");
    const nodeInfo = ((node?.status as { nodeInfo?: { kernelVersion?: string } } | undefined)?.nodeInfo ?? {});
    this.sh = {
      fs: podFilesystem(cluster, req.pod, req.container),
      env: containerEnv(cluster, req.pod, req.container, hostname, req.tty),
      cwd: "/",
      status: 0,
      hostname,
      kernel: nodeInfo.kernelVersion ?? "5.15.0-126-generic",
      now: () => new Date(cluster.now()),
      hasShell: imageProfile(req.container.image).hasShell,
    };
  }

  private out(channel: 1 | 2, text: string): void {
    if (this.closed || !text) return;
    if (channel === 1 && !this.req.stdout) return;
    if (channel === 2 && !this.req.stderr && !this.req.tty) return;
    this.write(this.req.tty ? 1 : channel, Buffer.from(this.req.tty ? text.replace(/\r?\n/g, "\r\n") : text));
  }

  /** Runs the request's command to completion. */
  run(): Promise<number> {
    const io: ProcessIO = {
      out: (t) => this.out(1, t),
      err: (t) => this.out(2, t),
      stdin: this.queue,
      tty: this.req.tty,
      termSize: () => this.size,
      interruption: () => this.interrupt.signal,
    };
    return runExecCommand(this.req.argv, this.sh, io);
  }

  /** Bytes from the client's stdin. */
  stdin(data: Buffer): void {
    if (!this.queue) return;
    if (!this.req.tty) return this.queue.push(data);
    for (const ch of data.toString("utf8")) this.typed(ch);
  }

  private typed(ch: string): void {
    const q = this.queue!;
    if (this.escape > 0) {
      // Arrow keys and the like (ESC [ X): no line editing beyond erase.
      this.escape = this.escape === 1 && ch === "[" ? 2 : /[A-Za-z~]/.test(ch) ? 0 : this.escape;
      return;
    }
    if (ch === "\x1b") this.escape = 1;
    else if (ch === "\r" || ch === "\n") {
      this.out(1, "\n");
      q.push(`${this.line}\n`);
      this.line = "";
    } else if (ch === "\x7f" || ch === "\b") {
      if (this.line.length > 0) {
        this.line = this.line.slice(0, -1);
        this.out(1, "\b \b");
      }
    } else if (ch === "\x03") {
      this.out(1, "^C\n");
      this.line = "";
      this.interrupt.abort();
      this.interrupt = new AbortController();
      // At the prompt, ^C just starts a fresh line.
      if (q.readingLine) q.push("\n");
    } else if (ch === "\x04") {
      if (this.line === "") q.end();
      else {
        q.push(this.line);
        this.line = "";
      }
    } else if (ch >= " ") {
      this.line += ch;
      this.out(1, ch);
    }
  }

  /** The client closed stdin (EOF). */
  stdinEnd(): void {
    this.queue?.end();
  }

  /** A terminal size from the resize channel. */
  resize(size: TermSize): void {
    this.size = size;
  }

  /** The client went away: stop reading and interrupt what runs. */
  close(): void {
    this.closed = true;
    this.queue?.end();
    this.interrupt.abort();
  }
}
