import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import type { TunnelCloseInfo } from "../tunnel-types";
import type { TunnelStream } from "../tunnel-stream";
import { connectSessionPair, type SessionPair } from "./session-pair";

let pair: SessionPair | undefined;
afterEach(async () => {
  await pair?.dispose();
  pair = undefined;
});

describe("tunnel limits and session close", () => {
  it("refuses streams beyond the agent's cap with OPEN_FAIL 'too many streams'", async () => {
    pair = await connectSessionPair({}, { maxStreams: 3, onStream: () => {} });
    const streams = await Promise.all([1, 2, 3].map(() => pair!.console.openStream("k8s")));
    await expect(pair.console.openStream("k8s")).rejects.toThrow("too many streams");
    // Closing one frees a slot once the agent has seen the RESET.
    streams[0]!.destroy();
    await expect.poll(() => pair?.agent.stats().openStreams).toBe(2);
    await expect(pair.console.openStream("k8s")).resolves.toBeDefined();
  });

  it("applies the cap on the opening side too, without a round trip", async () => {
    pair = await connectSessionPair({ maxStreams: 2 }, { onStream: () => {} });
    await pair.console.openStream("k8s");
    await pair.console.openStream("k8s");
    const framesBefore = pair.console.stats().bytesOut;
    await expect(pair.console.openStream("k8s")).rejects.toThrow("too many streams");
    expect(pair.console.stats().bytesOut).toBe(framesBefore);
  });

  it("keeps the reserved streams for reserved opens (the console's readiness probe)", async () => {
    pair = await connectSessionPair({ maxStreams: 4, reservedStreams: 2 }, { onStream: () => {} });
    await pair.console.openStream("k8s");
    await pair.console.openStream("k8s");
    await expect(pair.console.openStream("k8s")).rejects.toThrow("too many streams");
    await expect(pair.console.openStream("k8s", { reserved: true })).resolves.toBeDefined();
    await expect(pair.console.openStream("k8s", { reserved: true })).resolves.toBeDefined();
    await expect(pair.console.openStream("k8s", { reserved: true })).rejects.toThrow("too many streams");
  });

  it("times out an open the peer never answers", async () => {
    pair = await connectSessionPair({ openTimeoutMs: 100 }, { onStream: () => new Promise<void>(() => {}) });
    await expect(pair.console.openStream("k8s")).rejects.toMatchObject({ code: "ETIMEDOUT" });
    expect(pair.console.stats().openStreams).toBe(0);
  });

  it("closing the session errors every stream and rejects new opens", async () => {
    pair = await connectSessionPair({}, { onStream: () => {} });
    const streams = await Promise.all([1, 2, 3].map(() => pair!.console.openStream("k8s")));
    const errors = streams.map(
      (stream) => new Promise<NodeJS.ErrnoException>((resolve) => stream.once("error", resolve)),
    );
    const consoleClosed = once(pair.console, "close") as Promise<[TunnelCloseInfo]>;
    pair.agent.close(1001, "agent shutting down");

    const [info] = await consoleClosed;
    expect(info).toEqual({ code: 1001, reason: "agent shutting down" });
    for (const error of await Promise.all(errors)) {
      expect(error.code).toBe("ECONNRESET");
      expect(error.message).toContain("agent shutting down");
    }
    expect(streams.every((s: TunnelStream) => s.destroyed)).toBe(true);
    expect(pair.console.stats().openStreams).toBe(0);
    await expect(pair.console.openStream("k8s")).rejects.toThrow("tunnel session closed");
  });

  it("closes quietly a stream nobody listens to for errors (no crash)", async () => {
    pair = await connectSessionPair({}, { onStream: () => {} });
    const stream = await pair.console.openStream("k8s");
    // Not events.once(): it would add an "error" listener and defeat the point of the test.
    const closed = new Promise((resolve) => stream.once("close", resolve));
    pair.consoleSocket.terminate();
    await closed;
    expect(stream.destroyed).toBe(true);
    expect(stream.errored).toBeNull();
    expect(pair.console.isOpen).toBe(false);
  });
});
