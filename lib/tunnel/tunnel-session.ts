import { EventEmitter } from "node:events";
import type WebSocket from "ws";
import {
  FrameType,
  MAX_STREAM_ID,
  decodeFrame,
  decodeJsonPayload,
  decodeWindowIncrement,
  encodeJsonFrame,
  type TunnelFrame,
} from "./frame";
import { TunnelStream } from "./tunnel-stream";
import {
  DEFAULT_DEAD_AFTER_MS,
  DEFAULT_INITIAL_WINDOW,
  DEFAULT_MAX_STREAMS,
  DEFAULT_PING_INTERVAL_MS,
  DEFAULT_RESERVED_STREAMS,
  TunnelStreamError,
  type StreamLink,
  type TunnelCloseInfo,
  type TunnelControlMessage,
  type TunnelRole,
  type TunnelSessionOptions,
  type TunnelStats,
  type TunnelStreamStats,
} from "./tunnel-types";
import { readReason, readWindow } from "./frame";

interface PendingOpen {
  stream: TunnelStream;
  resolve: (stream: TunnelStream) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

const WS_OPEN = 1;

/**
 * One agent's tunnel: many {@link TunnelStream}s multiplexed over one connected `ws` WebSocket.
 * Events: `"control"` (a {@link TunnelControlMessage} from the peer) and `"close"`
 * ({@link TunnelCloseInfo}, emitted once). See docs/TUNNEL.md for the wire format.
 */
export class TunnelSession extends EventEmitter {
  readonly role: TunnelRole;
  private readonly ws: WebSocket;
  private readonly onStream: TunnelSessionOptions["onStream"];
  private readonly maxStreams: number;
  private readonly reservedStreams: number;
  private readonly initialWindow: number;
  private readonly deadAfterMs: number;
  private readonly openTimeoutMs: number;
  private readonly highWater: number;
  private readonly streams = new Map<number, TunnelStream>();
  private readonly pendingOpens = new Map<number, PendingOpen>();
  private readonly drainWaiters = new Set<TunnelStream>();
  private readonly link: StreamLink;
  private readonly pingTimer: NodeJS.Timeout;
  private nextId: number;
  private closed = false;
  private bytesIn = 0;
  private bytesOut = 0;
  private buffered = 0;
  private lastSeenAt = Date.now();
  private lastTickAt = Date.now();
  private readonly pingIntervalMs: number;
  private readonly sendPings: boolean;

  constructor(ws: WebSocket, options: TunnelSessionOptions) {
    super();
    this.ws = ws;
    this.role = options.role;
    this.onStream = options.onStream;
    this.maxStreams = options.maxStreams ?? DEFAULT_MAX_STREAMS;
    this.reservedStreams = Math.min(options.reservedStreams ?? Math.floor((this.maxStreams * DEFAULT_RESERVED_STREAMS) / DEFAULT_MAX_STREAMS), this.maxStreams);
    this.initialWindow = options.initialWindow ?? DEFAULT_INITIAL_WINDOW;
    this.deadAfterMs = options.deadAfterMs ?? DEFAULT_DEAD_AFTER_MS;
    this.openTimeoutMs = options.openTimeoutMs ?? 10_000;
    this.highWater = options.sendHighWaterBytes ?? 1024 * 1024;
    this.nextId = this.role === "console" ? 1 : 2;
    this.link = {
      send: (frame) => this.send(frame),
      canSend: () => this.buffered < this.highWater,
      waitForDrain: (stream) => this.drainWaiters.add(stream),
      release: (stream) => this.release(stream),
    };

    ws.binaryType = "nodebuffer";
    ws.on("message", (data, isBinary) => this.handleMessage(data, isBinary));
    ws.on("ping", () => this.seen());
    ws.on("pong", () => this.seen());
    ws.on("close", (code, reason) => this.finish(code, reason.toString() || "connection closed"));
    // "close" always follows "error" in ws; the listener only keeps the error from being fatal.
    ws.on("error", () => {});

    this.pingIntervalMs = options.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS;
    this.sendPings = options.sendPings ?? true;
    this.pingTimer = setInterval(() => this.keepAlive(), this.pingIntervalMs);
    this.pingTimer.unref();
    if (ws.readyState !== WS_OPEN) this.finish(1006, "websocket not open");
  }

  /** True until the session closed (by either side, or the keepalive declared the peer dead). */
  get isOpen(): boolean {
    return !this.closed;
  }

  /**
   * Opens a stream to `target` on the peer (the console opens "k8s" on an agent).
   * Resolves once the peer accepted; rejects on OPEN_FAIL (with its reason), on timeout,
   * when the stream cap is reached or when the session is closed. Only `reserved` opens
   * may use the last `reservedStreams` streams.
   */
  openStream(target: string, options: { reserved?: boolean } = {}): Promise<TunnelStream> {
    if (this.closed) return Promise.reject(new TunnelStreamError("tunnel session closed", "ECONNREFUSED"));
    const cap = options.reserved ? this.maxStreams : this.maxStreams - this.reservedStreams;
    if (this.streams.size >= cap) {
      return Promise.reject(new TunnelStreamError("too many streams", "ECONNREFUSED"));
    }
    const id = this.allocateId();
    const stream = new TunnelStream({ id, target, link: this.link, receiveWindow: this.initialWindow, sendWindow: 0 });
    this.streams.set(id, stream);
    return new Promise<TunnelStream>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingOpens.delete(id);
        // The peer may still accept later; the RESET tears that stream down on its side.
        stream.destroy();
        reject(new TunnelStreamError(`opening stream to "${target}" timed out`, "ETIMEDOUT"));
      }, this.openTimeoutMs);
      this.pendingOpens.set(id, { stream, resolve, reject, timer });
      this.send(encodeJsonFrame(FrameType.OPEN, id, { target, window: this.initialWindow }));
    });
  }

  /** Sends a CONTROL message (stream id 0) to the peer. Dropped silently once closed. */
  sendControl(message: TunnelControlMessage): void {
    this.send(encodeJsonFrame(FrameType.CONTROL, 0, message));
  }

  /** Closes the WebSocket and errors every stream. Emits "close" once. */
  close(code = 1000, reason = "closed"): void {
    if (this.closed) return;
    if (this.ws.readyState === WS_OPEN) this.ws.close(code, reason);
    this.finish(code, reason);
  }

  /** Current counters; cheap enough to call per request. */
  stats(): TunnelStats {
    return {
      openStreams: this.streams.size,
      bytesIn: this.bytesIn,
      bytesOut: this.bytesOut,
      bufferedBytes: this.buffered,
      lastSeenAt: this.lastSeenAt,
    };
  }

  /** Per-stream flow-control state (diagnostics: the agent logs it on SIGUSR2). */
  streamStats(): TunnelStreamStats[] {
    return [...this.streams.values()].map((stream) => stream.flowStats());
  }

  private send(frame: Buffer): void {
    if (this.closed || this.ws.readyState !== WS_OPEN) return;
    const size = frame.length;
    this.bytesOut += size;
    this.buffered += size;
    this.ws.send(frame, { binary: true }, () => {
      this.buffered -= size;
      if (this.drainWaiters.size > 0 && this.buffered < this.highWater / 2) this.resumeWriters();
    });
  }

  private resumeWriters(): void {
    const waiters = [...this.drainWaiters];
    this.drainWaiters.clear();
    for (const stream of waiters) {
      if (!stream.destroyed) stream.flush();
    }
  }

  private seen(): void {
    this.lastSeenAt = Date.now();
  }

  private keepAlive(): void {
    if (this.closed) return;
    const now = Date.now();
    // Timers run before pending socket events: after a stall of our own event loop (GC, a
    // busy console) the peer's messages are queued but not yet counted. Judge the peer on
    // the next tick, not on time we were not listening.
    const stalled = now - this.lastTickAt > 2 * this.pingIntervalMs;
    this.lastTickAt = now;
    const silentFor = now - this.lastSeenAt;
    if (!stalled && silentFor >= this.deadAfterMs) {
      this.ws.terminate();
      this.finish(1006, `peer silent for ${silentFor} ms`);
      return;
    }
    if (this.sendPings && this.ws.readyState === WS_OPEN) this.ws.ping();
  }

  private allocateId(): number {
    // Ids advance by two within this side's parity and wrap before u32 overflow, skipping live ones.
    let id = this.nextId;
    while (this.streams.has(id)) id = this.advance(id);
    this.nextId = this.advance(id);
    return id;
  }

  private advance(id: number): number {
    const next = id + 2;
    if (next <= MAX_STREAM_ID) return next;
    return this.role === "console" ? 1 : 2;
  }

  private release(stream: TunnelStream): void {
    if (this.streams.get(stream.id) === stream) this.streams.delete(stream.id);
    this.drainWaiters.delete(stream);
  }

  private handleMessage(data: WebSocket.RawData, isBinary: boolean): void {
    this.seen();
    if (this.closed) return;
    const message = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    this.bytesIn += message.length;
    if (!isBinary) {
      this.close(1003, "tunnel frames must be binary");
      return;
    }
    let frame: TunnelFrame;
    try {
      frame = decodeFrame(message);
    } catch (error) {
      this.close(1002, (error as Error).message);
      return;
    }
    this.dispatch(frame);
  }

  private dispatch(frame: TunnelFrame): void {
    const { type, streamId, payload } = frame;
    switch (type) {
      case FrameType.OPEN:
        this.acceptOpen(streamId, payload);
        return;
      case FrameType.OPEN_OK: {
        const pending = this.takePendingOpen(streamId);
        if (!pending) return;
        const window = readWindow(decodeJsonPayload(payload));
        pending.stream.markOpen(window);
        pending.resolve(pending.stream);
        return;
      }
      case FrameType.OPEN_FAIL: {
        const pending = this.takePendingOpen(streamId);
        if (!pending) return;
        const reason = readReason(decodeJsonPayload(payload), "stream refused");
        pending.stream.markSilent();
        pending.stream.destroy();
        pending.reject(new TunnelStreamError(reason, "ECONNREFUSED"));
        return;
      }
      case FrameType.CONTROL: {
        const message = decodeJsonPayload(payload);
        if (message && typeof message.type === "string") this.emit("control", message);
        return;
      }
      default:
        this.dispatchStreamFrame(frame);
    }
  }

  private dispatchStreamFrame({ type, streamId, payload }: TunnelFrame): void {
    const pending = type === FrameType.RESET ? this.takePendingOpen(streamId) : undefined;
    if (pending) {
      pending.stream.markSilent();
      pending.stream.destroy();
      pending.reject(new TunnelStreamError(readReason(decodeJsonPayload(payload), "stream reset"), "ECONNREFUSED"));
      return;
    }
    // Frames for streams we already closed are normal (they crossed our RESET); ignore them.
    const stream = this.streams.get(streamId);
    if (!stream) return;
    try {
      if (type === FrameType.DATA) {
        if (!stream.handleData(payload)) stream.destroy(new TunnelStreamError("flow control window exceeded", "EPROTO"));
      } else if (type === FrameType.WINDOW) {
        stream.handleWindow(decodeWindowIncrement(payload));
      } else if (type === FrameType.FIN) {
        stream.handleFin();
      } else if (type === FrameType.RESET) {
        stream.handleReset(`stream reset by peer: ${readReason(decodeJsonPayload(payload), "reset")}`);
      }
    } catch (error) {
      stream.destroy(new TunnelStreamError((error as Error).message, "EPROTO"));
    }
  }

  private acceptOpen(id: number, payload: Buffer): void {
    const refuse = (reason: string) => this.send(encodeJsonFrame(FrameType.OPEN_FAIL, id, { reason }));
    const body = decodeJsonPayload(payload);
    const target = body?.target;
    // The peer must use its own parity; a clash with our ids would corrupt both streams.
    const peerParity = this.role === "console" ? 0 : 1;
    if (id === 0 || id % 2 !== peerParity || this.streams.has(id)) return refuse("bad stream id");
    if (typeof target !== "string") return refuse("bad OPEN payload");
    if (!this.onStream) return refuse("streams not accepted");
    if (this.streams.size >= this.maxStreams) return refuse("too many streams");

    const stream = new TunnelStream({
      id,
      target,
      link: this.link,
      receiveWindow: this.initialWindow,
      sendWindow: readWindow(body),
    });
    this.streams.set(id, stream);
    const fail = (error: unknown) => {
      if (stream.destroyed || this.closed) return;
      stream.markSilent();
      stream.destroy();
      refuse(error instanceof Error ? error.message : String(error));
    };
    const accept = () => {
      if (stream.destroyed || this.closed) return;
      this.send(encodeJsonFrame(FrameType.OPEN_OK, id, { window: this.initialWindow }));
      stream.markOpen(readWindow(body));
    };
    try {
      const result = this.onStream(stream, target);
      if (result instanceof Promise) result.then(accept, fail);
      else accept();
    } catch (error) {
      fail(error);
    }
  }

  private takePendingOpen(id: number): PendingOpen | undefined {
    const pending = this.pendingOpens.get(id);
    if (!pending) return undefined;
    this.pendingOpens.delete(id);
    clearTimeout(pending.timer);
    return pending;
  }

  private finish(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.pingTimer);
    const message = `tunnel session closed: ${reason}`;
    for (const [id, pending] of this.pendingOpens) {
      clearTimeout(pending.timer);
      this.pendingOpens.delete(id);
      pending.stream.markSilent();
      pending.stream.destroy();
      pending.reject(new TunnelStreamError(message, "ECONNRESET"));
    }
    for (const stream of [...this.streams.values()]) stream.handleReset(message);
    this.streams.clear();
    this.drainWaiters.clear();
    this.emit("close", { code, reason } satisfies TunnelCloseInfo);
  }
}
