import type { WebSocket } from "ws";

/** Subprotocols of the remotecommand channel framing the simulator serves, in no particular order. */
export const CHANNEL_PROTOCOLS = ["v5.channel.k8s.io", "v4.channel.k8s.io"] as const;
export type ChannelProtocol = (typeof CHANNEL_PROTOCOLS)[number];

/** Channel numbers of remotecommand (kubelet's wsstream): stdin 0, stdout 1, stderr 2, error 3, resize 4. */
export const CH = { stdin: 0, stdout: 1, stderr: 2, error: 3, resize: 4 } as const;
/** v5's close signal: a message [255, channel] half-closes that channel. */
const STREAM_CLOSE = 255;

/** Handlers for what the client sends over a channel WebSocket. */
export interface ChannelHandlers {
  data(channel: number, data: Buffer): void;
  /** v5 only: the client half-closed a channel (stdin EOF). */
  closeChannel(channel: number): void;
  /** The connection is gone (closed by either side, or failed). */
  gone(): void;
}

/**
 * The binary channel framing of `v4.channel.k8s.io` / `v5.channel.k8s.io` over a WebSocket:
 * every message is one channel byte plus payload. Text or empty messages are ignored, as
 * the kubelet does for binary protocols.
 */
export class ChannelSocket {
  constructor(
    private readonly ws: WebSocket,
    readonly protocol: ChannelProtocol,
    handlers: ChannelHandlers,
  ) {
    ws.on("message", (raw: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
      if (!isBinary) return;
      const msg = Array.isArray(raw) ? Buffer.concat(raw) : Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
      if (msg.length === 0) return;
      if (protocol === "v5.channel.k8s.io" && msg[0] === STREAM_CLOSE && msg.length === 2) return handlers.closeChannel(msg[1]!);
      handlers.data(msg[0]!, msg.subarray(1));
    });
    ws.once("close", () => handlers.gone());
    ws.on("error", () => ws.terminate());
  }

  get open(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  send(channel: number, data: Buffer): void {
    if (!this.open) return;
    this.ws.send(Buffer.concat([Buffer.from([channel]), data]), { binary: true });
  }

  /** Writes the final Status on the error channel and closes normally. */
  finish(status: unknown): void {
    this.send(CH.error, Buffer.from(JSON.stringify(status)));
    this.close();
  }

  close(): void {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(1000);
  }
}
