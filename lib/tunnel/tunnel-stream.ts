import { Duplex } from "node:stream";
import { FrameType, encodeFrame, encodeJsonFrame, encodeWindowFrame } from "./frame";
import { TunnelStreamError, type StreamLink, type TunnelStreamInit, type TunnelStreamStats } from "./tunnel-types";

/** Largest DATA payload; bigger writes are split so streams share the WebSocket fairly. */
export const MAX_DATA_PAYLOAD = 64 * 1024;

interface PendingWrite {
  chunk: Buffer;
  offset: number;
  callback: (error?: Error | null) => void;
}

/**
 * One multiplexed byte stream of a {@link TunnelSession}: a `stream.Duplex` that looks enough
 * like a `net.Socket` for Node's `http` client and server, undici 7 and `ws`.
 *
 * Flow control: the peer may send at most `receiveWindow` bytes that we have not yet credited
 * back with WINDOW; we credit bytes once they have left our readable buffer, so a consumer
 * that stops reading stops the sender. Writes wait for credit (the write callback is held),
 * which makes `write()` return false upstream exactly like a full TCP socket.
 */
export class TunnelStream extends Duplex {
  /** Stream id on the wire (odd: opened by the console, even: opened by the agent). */
  readonly id: number;
  /** What the opener asked to reach, e.g. "k8s". */
  readonly target: string;
  /** `net.Socket` compatibility: there is no TCP peer, only the tunnel. */
  readonly remoteAddress: string | undefined = undefined;
  readonly remotePort: number | undefined = undefined;
  readonly localAddress: string | undefined = undefined;
  readonly localPort: number | undefined = undefined;
  /** Read by undici to pick HTTP/2; streams always carry HTTP/1.1. */
  readonly alpnProtocol = false;
  /** `net.Socket` compatibility: a stream is connected when it is handed out. */
  readonly connecting = false;
  /** Idle timeout set with {@link setTimeout}, in ms (0 = none). */
  timeout = 0;
  bytesRead = 0;
  bytesWritten = 0;

  private readonly link: StreamLink;
  private readonly receiveWindow: number;
  private readonly grantThreshold: number;
  private sendWindow: number;
  private received = 0;
  private credited = 0;
  private open = false;
  private pending: PendingWrite | null = null;
  private pendingFinal: ((error?: Error | null) => void) | null = null;
  private finSent = false;
  private finReceived = false;
  private resetReceived = false;
  /** Set when the session already told the peer (OPEN_FAIL) or the peer is gone. */
  private silent = false;
  private idleTimer: NodeJS.Timeout | null = null;

  /** @internal Streams are created by {@link TunnelSession}, never directly. */
  constructor(init: TunnelStreamInit) {
    // Credit, not push()'s return value, bounds the readable buffer (at most one window); the
    // high-water mark only decides when Node calls _read().
    super({ readableHighWaterMark: Math.min(64 * 1024, init.receiveWindow), allowHalfOpen: true });
    this.id = init.id;
    this.target = init.target;
    this.link = init.link;
    this.receiveWindow = init.receiveWindow;
    this.sendWindow = init.sendWindow;
    this.grantThreshold = Math.max(1, Math.floor(init.receiveWindow / 4));
  }

  /** `net.Socket` compatibility: "open" | "readOnly" | "writeOnly" | "closed". */
  get readyState(): string {
    if (this.destroyed) return "closed";
    if (this.readable && this.writable) return "open";
    return this.readable ? "readOnly" : this.writable ? "writeOnly" : "closed";
  }

  /** No-op: keepalive is the session's job (WebSocket pings). */
  setKeepAlive(_enable?: boolean, _initialDelay?: number): this {
    return this;
  }

  /** No-op: frames are sent as soon as they are written. */
  setNoDelay(_noDelay?: boolean): this {
    return this;
  }

  /** No-op: one WebSocket carries every stream, so per-stream QoS has no meaning. */
  setTypeOfService(_tos?: number): this {
    return this;
  }

  /** No-op: a stream never holds the event loop open by itself; its WebSocket does. */
  ref(): this {
    return this;
  }

  /** No-op, see {@link ref}. */
  unref(): this {
    return this;
  }

  /** `net.Socket` compatibility; a stream has no socket address. */
  address(): Record<string, never> {
    return {};
  }

  /**
   * Like `net.Socket#setTimeout`: emits "timeout" after `ms` without reads or writes
   * (0 disables). Node's http server uses it for keep-alive timeouts.
   */
  setTimeout(ms: number, callback?: () => void): this {
    this.timeout = ms;
    if (callback) {
      if (ms === 0) this.removeListener("timeout", callback);
      else this.once("timeout", callback);
    }
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    if (ms > 0 && !this.destroyed) {
      this.idleTimer = setTimeout(() => this.emit("timeout"), ms);
      this.idleTimer.unref();
    }
    return this;
  }

  /** Like `net.Socket#destroySoon`: end the write side, destroy once it is flushed. */
  destroySoon(): void {
    if (this.writable) this.end();
    if (this.writableFinished) this.destroy();
    else this.once("finish", () => this.destroy());
  }

  /** Flow-control counters of this stream (diagnostics; cheap). */
  flowStats(): TunnelStreamStats {
    return {
      id: this.id,
      target: this.target,
      sendWindow: this.sendWindow,
      uncredited: this.received - this.credited,
      readBuffered: this.readableLength,
      writePending: this.pending ? this.pending.chunk.length - this.pending.offset : 0,
      open: this.open,
      finSent: this.finSent,
      finReceived: this.finReceived,
    };
  }

  /** @internal The open handshake finished; data may flow. */
  markOpen(sendWindow: number): void {
    this.sendWindow = sendWindow;
    this.open = true;
    this.flush();
  }

  /** @internal The session already answered for this stream; close without a RESET frame. */
  markSilent(): void {
    this.silent = true;
  }

  /** @internal A DATA frame arrived. Returns false when the peer overran its window. */
  handleData(payload: Buffer): boolean {
    if (this.finReceived || this.resetReceived) return true;
    if (this.received + payload.length - this.credited > this.receiveWindow) return false;
    this.received += payload.length;
    this.bytesRead += payload.length;
    this.touch();
    if (this.readableEnded || this.destroyed) {
      // Nobody will read it; credit it back at once so the peer is not stalled.
      this.credited = this.received;
      this.link.send(encodeWindowFrame(this.id, payload.length));
      return true;
    }
    this.push(payload);
    this.grant();
    return true;
  }

  /** @internal A WINDOW frame arrived. */
  handleWindow(increment: number): void {
    this.sendWindow += increment;
    this.flush();
  }

  /** @internal A FIN frame arrived: the peer will send no more data. */
  handleFin(): void {
    if (this.finReceived) return;
    this.finReceived = true;
    this.push(null);
  }

  /** @internal A RESET frame arrived, or the session died. */
  handleReset(reason: string, code = "ECONNRESET"): void {
    if (this.destroyed) return;
    this.resetReceived = true;
    this.silent = true;
    // A held write callback is dropped, not failed: failing it would emit "error" even on the
    // quiet path below. destroy() settles the writable side either way.
    this.pending = null;
    if (this.finReceived && !this.readableEnded) {
      // Everything the peer sent is already buffered: let the reader drain it, then close.
      this.once("end", () => this.destroy());
      return;
    }
    if (this.finReceived || (this.finSent && this.writableFinished && this.readableEnded)) {
      this.destroy();
      return;
    }
    const error = new TunnelStreamError(reason, code);
    // An unobserved error event would crash the whole console; close quietly instead.
    if (this.listenerCount("error") > 0) this.destroy(error);
    else this.destroy();
  }

  /** @internal Sends as much of the pending write as credit and WebSocket allow. */
  flush(): void {
    while (this.pending && this.open) {
      if (!this.link.canSend()) {
        this.link.waitForDrain(this);
        return;
      }
      const { chunk, offset } = this.pending;
      const remaining = chunk.length - offset;
      // Zero-length writes (Node's http server makes some) complete without a frame.
      if (remaining > 0) {
        const size = Math.min(remaining, this.sendWindow, MAX_DATA_PAYLOAD);
        if (size <= 0) return; // wait for WINDOW
        this.link.send(encodeFrame(FrameType.DATA, this.id, chunk.subarray(offset, offset + size)));
        this.sendWindow -= size;
        this.bytesWritten += size;
        this.pending.offset += size;
      }
      if (this.pending.offset >= chunk.length) {
        const { callback } = this.pending;
        this.pending = null;
        this.touch();
        callback();
      }
    }
    if (!this.pending && this.open && this.pendingFinal) {
      const callback = this.pendingFinal;
      this.pendingFinal = null;
      this.sendFin();
      callback();
    }
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.resetReceived) {
      callback(new TunnelStreamError("stream reset by peer", "EPIPE"));
      return;
    }
    this.pending = { chunk, offset: 0, callback };
    this.flush();
  }

  override _writev(
    chunks: Array<{ chunk: Buffer; encoding: BufferEncoding }>,
    callback: (error?: Error | null) => void,
  ): void {
    // Corked writes (HTTP head + body) travel as one DATA frame instead of several.
    this._write(Buffer.concat(chunks.map((c) => c.chunk)), "binary", callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.pendingFinal = callback;
    this.flush();
  }

  override _read(): void {
    this.grant();
  }

  /**
   * Every consumer path (paused `read()`, flowing mode, pipe, async iteration) takes bytes out
   * of the buffer through here, so this is where credit is returned. `_read()` alone is not
   * enough: Node skips it while a previous `_read()` is still waiting for data.
   */
  override read(size?: number): ReturnType<Duplex["read"]> {
    const chunk: unknown = super.read(size);
    this.grant();
    return chunk;
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (!this.silent && !(this.finSent && this.finReceived)) {
      const reason = error ? error.message : "closed";
      this.link.send(encodeJsonFrame(FrameType.RESET, this.id, { reason }));
    }
    this.silent = true;
    this.pending = null;
    this.pendingFinal = null;
    this.link.release(this);
    callback(error);
  }

  private sendFin(): void {
    if (this.finSent) return;
    this.finSent = true;
    this.link.send(encodeFrame(FrameType.FIN, this.id));
  }

  /** Credits back bytes that left the readable buffer, in batches of a quarter window. */
  private grant(): void {
    if (this.finReceived || this.silent) return;
    const consumed = this.received - this.readableLength;
    const increment = consumed - this.credited;
    if (increment >= this.grantThreshold) {
      this.credited += increment;
      this.link.send(encodeWindowFrame(this.id, increment));
    }
  }

  private touch(): void {
    this.idleTimer?.refresh();
  }
}
