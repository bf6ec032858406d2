/**
 * Wire format of the Outpost tunnel: one binary WebSocket message = one frame.
 *
 *   type:u8 | streamId:u32 BE | payload
 *
 * See docs/TUNNEL.md for the meaning of each type. Kept free of Node-only APIs beyond Buffer so
 * the console, the agent bundle and tests share one definition.
 */

/** Frame types. Values are part of the wire format: never renumber. */
export const FrameType = {
  OPEN: 1,
  OPEN_OK: 2,
  OPEN_FAIL: 3,
  DATA: 4,
  WINDOW: 5,
  FIN: 6,
  RESET: 7,
  CONTROL: 8,
} as const;

export type TFrameType = (typeof FrameType)[keyof typeof FrameType];

/** Size of the fixed frame header (type + stream id). */
export const FRAME_HEADER_BYTES = 5;

/** Largest stream id; ids are u32 on the wire. */
export const MAX_STREAM_ID = 0xffff_ffff;

/** A decoded frame; `payload` is a view into the received message (no copy). */
export interface TunnelFrame {
  type: TFrameType;
  streamId: number;
  payload: Buffer;
}

const KNOWN_TYPES = new Set<number>(Object.values(FrameType));

/** Encodes one frame into a fresh buffer (header + payload). */
export function encodeFrame(type: TFrameType, streamId: number, payload?: Uint8Array): Buffer {
  const length = payload ? payload.length : 0;
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + length);
  frame.writeUInt8(type, 0);
  frame.writeUInt32BE(streamId, 1);
  if (payload && length > 0) frame.set(payload, FRAME_HEADER_BYTES);
  return frame;
}

/** Encodes a frame whose payload is a JSON document (OPEN, OPEN_OK, OPEN_FAIL, RESET, CONTROL). */
export function encodeJsonFrame(type: TFrameType, streamId: number, body: unknown): Buffer {
  return encodeFrame(type, streamId, Buffer.from(JSON.stringify(body), "utf8"));
}

/** Encodes a WINDOW frame granting `increment` more bytes of credit on a stream. */
export function encodeWindowFrame(streamId: number, increment: number): Buffer {
  const payload = Buffer.allocUnsafe(4);
  payload.writeUInt32BE(increment, 0);
  return encodeFrame(FrameType.WINDOW, streamId, payload);
}

/**
 * Decodes one WebSocket message into a frame.
 * @throws Error when the message is shorter than a header or carries an unknown type.
 */
export function decodeFrame(message: Buffer): TunnelFrame {
  if (message.length < FRAME_HEADER_BYTES) {
    throw new Error(`tunnel frame too short: ${message.length} bytes`);
  }
  const type = message.readUInt8(0);
  if (!KNOWN_TYPES.has(type)) throw new Error(`unknown tunnel frame type ${type}`);
  return {
    type: type as TFrameType,
    streamId: message.readUInt32BE(1),
    payload: message.subarray(FRAME_HEADER_BYTES),
  };
}

/** Reads the u32 credit increment of a WINDOW frame payload. */
export function decodeWindowIncrement(payload: Buffer): number {
  if (payload.length !== 4) throw new Error(`WINDOW payload must be 4 bytes, got ${payload.length}`);
  return payload.readUInt32BE(0);
}

/** Parses a JSON payload into a plain object; anything else (array, scalar, bad JSON) → null. */
export function decodeJsonPayload(payload: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(payload.toString("utf8"));
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
    return null;
  } catch {
    return null;
  }
}

/** Receive window assumed when a peer does not announce one (256 KiB). */
export const DEFAULT_WINDOW = 256 * 1024;

/** The `window` of an OPEN / OPEN_OK payload; absent or invalid → the default window. */
export function readWindow(body: Record<string, unknown> | null): number {
  const window = body?.window;
  return typeof window === "number" && Number.isInteger(window) && window > 0 && window <= 0xffff_ffff
    ? window
    : DEFAULT_WINDOW;
}

/** The `reason` of an OPEN_FAIL / RESET payload, capped at 512 characters. */
export function readReason(body: Record<string, unknown> | null, fallback: string): string {
  const reason = body?.reason;
  return typeof reason === "string" && reason.length > 0 ? reason.slice(0, 512) : fallback;
}
