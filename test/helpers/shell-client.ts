// A minimal remotecommand (v5/v4.channel.k8s.io) WebSocket client for tests and the bench:
// collects stdout, the final Status of channel 3 and the close code.
import WebSocket from "ws";
import { SHELL_CHANNEL } from "@/lib/shared/pod-shell/pod-shell.schema";

export interface ShellClient {
  ws: WebSocket;
  /** Everything received on stdout (and stderr: a TTY merges them) so far. */
  output(): string;
  /** Resolves when `text` has appeared in the output (after `fromIndex`). */
  waitFor(text: string | RegExp, fromIndex?: number, timeoutMs?: number): Promise<string>;
  type(text: string): void;
  resize(cols: number, rows: number): void;
  /** Resolves with the Status text of channel 3 (if any) and the close code and reason. */
  closed: Promise<{ status?: string; code: number; reason: string }>;
}

/** Opens `url` (wss://…) offering `protocols`; rejects with the HTTP status when the handshake is refused. */
export function openShell(url: string, opts: { cookie?: string; token?: string; origin?: string; caPem?: string; protocols?: string[] }): Promise<ShellClient> {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const ws = new WebSocket(url, opts.protocols ?? ["v5.channel.k8s.io"], { headers, origin: opts.origin, ca: opts.caPem, perMessageDeflate: false });
  let out = "";
  let status: string | undefined;
  const listeners = new Set<() => void>();
  ws.on("message", (raw: Buffer) => {
    if (raw[0] === SHELL_CHANNEL.stdout || raw[0] === SHELL_CHANNEL.stderr) out += raw.subarray(1).toString("utf8");
    else if (raw[0] === SHELL_CHANNEL.error) status = raw.subarray(1).toString("utf8");
    for (const l of listeners) l();
  });
  const closed = new Promise<{ status?: string; code: number; reason: string }>((resolve) => ws.once("close", (code, reason) => resolve({ status, code, reason: reason.toString() })));
  const send = (channel: number, text: string) => ws.send(Buffer.concat([Buffer.from([channel]), Buffer.from(text)]));
  const client: ShellClient = {
    ws,
    output: () => out,
    waitFor: (text, fromIndex = 0, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const rest = out.slice(fromIndex);
          if (typeof text === "string" ? rest.includes(text) : text.test(rest)) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(rest);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${String(text)} in ${JSON.stringify(out.slice(fromIndex))}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      }),
    type: (text) => send(SHELL_CHANNEL.stdin, text),
    resize: (cols, rows) => send(SHELL_CHANNEL.resize, JSON.stringify({ Width: cols, Height: rows })),
    closed,
  };
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve(client));
    ws.once("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => reject(Object.assign(new Error(`HTTP ${res.statusCode}: ${body}`), { status: res.statusCode, body })));
    });
    ws.once("error", reject);
  });
}
