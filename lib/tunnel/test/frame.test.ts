import { describe, expect, it } from "vitest";
import {
  FRAME_HEADER_BYTES,
  FrameType,
  decodeFrame,
  decodeJsonPayload,
  decodeWindowIncrement,
  encodeFrame,
  encodeJsonFrame,
  encodeWindowFrame,
} from "../frame";

describe("tunnel framing", () => {
  it("round-trips every frame type with its stream id and payload", () => {
    for (const type of Object.values(FrameType)) {
      const payload = Buffer.from(`payload of ${type}`);
      const decoded = decodeFrame(encodeFrame(type, 0xfffffffe, payload));
      expect(decoded.type).toBe(type);
      expect(decoded.streamId).toBe(0xfffffffe);
      expect(decoded.payload.equals(payload)).toBe(true);
    }
  });

  it("lays out type:u8 | streamId:u32 BE | payload", () => {
    const frame = encodeFrame(FrameType.DATA, 0x01020304, Buffer.from([0xaa, 0xbb]));
    expect([...frame]).toEqual([4, 1, 2, 3, 4, 0xaa, 0xbb]);
    expect(encodeFrame(FrameType.FIN, 7).length).toBe(FRAME_HEADER_BYTES);
  });

  it("carries JSON payloads and u32 window increments", () => {
    const open = decodeFrame(encodeJsonFrame(FrameType.OPEN, 3, { target: "k8s", window: 1024 }));
    expect(decodeJsonPayload(open.payload)).toEqual({ target: "k8s", window: 1024 });
    const window = decodeFrame(encodeWindowFrame(3, 0xffffffff));
    expect(window.type).toBe(FrameType.WINDOW);
    expect(decodeWindowIncrement(window.payload)).toBe(0xffffffff);
  });

  it("rejects short frames, unknown types and malformed payloads", () => {
    expect(() => decodeFrame(Buffer.from([4, 0, 0]))).toThrow(/too short/);
    expect(() => decodeFrame(Buffer.from([99, 0, 0, 0, 1]))).toThrow(/unknown tunnel frame type 99/);
    expect(() => decodeWindowIncrement(Buffer.from([1, 2]))).toThrow(/4 bytes/);
    expect(decodeJsonPayload(Buffer.from("not json"))).toBeNull();
    expect(decodeJsonPayload(Buffer.from("[1,2]"))).toBeNull();
  });
});
