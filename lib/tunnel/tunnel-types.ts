import { DEFAULT_WINDOW } from "./frame";
import type { TunnelStream } from "./tunnel-stream";

// Types and defaults shared by TunnelSession and TunnelStream (kept apart so each class file
// holds only behaviour).

/** Which end of the tunnel this session is. The console opens odd stream ids, the agent even. */
export type TunnelRole = "console" | "agent";

/** Options of a {@link TunnelSession}; every number has a production default. */
export interface TunnelSessionOptions {
  role: TunnelRole;
  /**
   * Called for every stream the peer opens. Throw (or reject) to refuse it: the peer gets
   * OPEN_FAIL with the error message. Without it, every OPEN is refused.
   */
  onStream?: (stream: TunnelStream, target: string) => void | Promise<void>;
  /** Concurrent streams in both directions (default 256); more → OPEN_FAIL "too many streams". */
  maxStreams?: number;
  /**
   * Streams of `maxStreams` only reserved opens may use (default 32 of 256, an eighth of
   * `maxStreams`): ordinary
   * {@link TunnelSession.openStream} calls stop at `maxStreams - reservedStreams`, so the
   * console's own traffic (readiness probe, health) always finds room.
   */
  reservedStreams?: number;
  /** Per-stream receive window in bytes (default 256 KiB). */
  initialWindow?: number;
  /** WebSocket ping interval (default 5 s); also how often a silent peer is judged. */
  pingIntervalMs?: number;
  /**
   * Whether this end sends pings (default true). Pings go one way: the agent pings, the
   * console only answers (ws answers a ping with a pong by itself) and judges the agent by
   * what it hears — a pong counts as life for the agent, a ping for the console.
   */
  sendPings?: boolean;
  /** A peer silent (no message, ping or pong) this long is dead (default 15 s). */
  deadAfterMs?: number;
  /** How long {@link TunnelSession.openStream} waits for OPEN_OK (default 10 s). */
  openTimeoutMs?: number;
  /** Unflushed WebSocket bytes above which streams stop sending (default 1 MiB). */
  sendHighWaterBytes?: number;
}

/** Payload of the session's "close" event. */
export interface TunnelCloseInfo {
  /** WebSocket close code (1006 when the peer went silent or the socket dropped). */
  code: number;
  reason: string;
}

/** Counters returned by {@link TunnelSession.stats}. */
export interface TunnelStats {
  openStreams: number;
  /** Bytes of all frames received / sent (headers included). */
  bytesIn: number;
  bytesOut: number;
  /** Bytes handed to the WebSocket and not yet flushed to the socket. */
  bufferedBytes: number;
  /** Epoch ms of the last message, ping or pong from the peer. */
  lastSeenAt: number;
}

/** Control messages are JSON objects with a string `type`, e.g. `{ type: "hello", … }`. */
export type TunnelControlMessage = { type: string } & Record<string, unknown>;

export const DEFAULT_INITIAL_WINDOW = DEFAULT_WINDOW;
export const DEFAULT_MAX_STREAMS = 256;
export const DEFAULT_RESERVED_STREAMS = 32;
export const DEFAULT_PING_INTERVAL_MS = 5_000;
export const DEFAULT_DEAD_AFTER_MS = 15_000;

/**
 * What a stream needs from its session. Internal: the session implements it, tests may fake it.
 * @internal
 */
export interface StreamLink {
  /** Hands one encoded frame to the WebSocket. */
  send(frame: Buffer): void;
  /** False while the WebSocket has too many unflushed bytes; the stream then waits. */
  canSend(): boolean;
  /** Calls `stream.flush()` once the WebSocket drained below its low-water mark. */
  waitForDrain(stream: TunnelStream): void;
  /** The stream is gone; forget its id. */
  release(stream: TunnelStream): void;
}

/** Options fixed when a stream is created by its session. @internal */
export interface TunnelStreamInit {
  id: number;
  target: string;
  link: StreamLink;
  /** Bytes we allow the peer to send before it must wait for WINDOW. */
  receiveWindow: number;
  /** Bytes the peer allows us to send (from its OPEN / OPEN_OK); 0 until known. */
  sendWindow: number;
}

/** Flow-control state of one stream, for diagnostics ({@link TunnelSession.streamStats}). */
export interface TunnelStreamStats {
  id: number;
  target: string;
  /** Bytes we may still send before the peer's next WINDOW. */
  sendWindow: number;
  /** Bytes received and not yet credited back (≤ the receive window). */
  uncredited: number;
  /** Bytes waiting in our readable buffer for the consumer. */
  readBuffered: number;
  /** Bytes of the current write still waiting for credit or WebSocket drain. */
  writePending: number;
  open: boolean;
  finSent: boolean;
  finReceived: boolean;
}

/** Error carried by a stream that the peer reset or whose session closed. */
export class TunnelStreamError extends Error {
  readonly code: string;
  constructor(message: string, code = "ECONNRESET") {
    super(message);
    this.name = "TunnelStreamError";
    this.code = code;
  }
}

