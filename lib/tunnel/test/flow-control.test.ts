import { createHash } from "node:crypto";
import { once } from "node:events";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterEach, describe, expect, it } from "vitest";
import type { TunnelSession } from "../tunnel-session";
import type { TunnelStream } from "../tunnel-stream";
import { connectSessionPair, deferred, type SessionPair } from "./session-pair";

const WINDOW = 64 * 1024;
const TOTAL = 8 * 1024 * 1024;
const CHUNK = 16 * 1024;

let pair: SessionPair | undefined;
afterEach(async () => {
  await pair?.dispose();
  pair = undefined;
});

/** A source of TOTAL deterministic bytes that records how much it has produced. */
function countingSource() {
  const state = { produced: 0, hash: createHash("sha256") };
  const readable = new Readable({
    highWaterMark: CHUNK,
    read() {
      if (state.produced >= TOTAL) {
        this.push(null);
        return;
      }
      const chunk = Buffer.alloc(CHUNK, state.produced / CHUNK);
      state.produced += CHUNK;
      state.hash.update(chunk);
      this.push(chunk);
    },
  });
  return { readable, state };
}

/** Two CONTROL round trips: every frame sent before them has been processed by both ends. */
async function barrier(from: TunnelSession, to: TunnelSession): Promise<void> {
  for (let i = 0; i < 2; i++) {
    const arrived = once(to, "control");
    from.sendControl({ type: "barrier" });
    await arrived;
    const back = once(from, "control");
    to.sendControl({ type: "barrier" });
    await back;
  }
}

describe("tunnel flow control", () => {
  it("a reader that stops reading stops the sender: memory stays within the window", async () => {
    const source = countingSource();
    pair = await connectSessionPair({ initialWindow: WINDOW }, {
      initialWindow: WINDOW,
      onStream: (stream) => {
        source.readable.pipe(stream);
      },
    });
    const stream = await pair.console.openStream("k8s");
    // Not reading: wait until the console's receive buffer holds a full window.
    await expect.poll(() => stream.readableLength, { timeout: 5000 }).toBe(WINDOW);
    await barrier(pair.console, pair.agent);
    await barrier(pair.console, pair.agent);

    expect(stream.readableLength).toBe(WINDOW); // the console never buffers beyond the window
    expect(pair.agent.stats().bufferedBytes).toBe(0);
    // What the agent's producer made beyond the window sits in its own small stream buffers.
    expect(source.state.produced).toBeLessThanOrEqual(WINDOW + 8 * CHUNK);

    // A slow paused-mode reader (undici reads with socket.read()) still gets every byte.
    const received = createHash("sha256");
    let total = 0;
    let maxBuffered = 0;
    stream.on("readable", () => {
      maxBuffered = Math.max(maxBuffered, stream.readableLength);
      let chunk: Buffer | null;
      while ((chunk = stream.read() as Buffer | null) !== null) {
        received.update(chunk);
        total += chunk.length;
      }
    });
    await once(stream, "end");
    expect(total).toBe(TOTAL);
    expect(received.digest("hex")).toBe(source.state.hash.digest("hex"));
    expect(maxBuffered).toBeLessThanOrEqual(WINDOW);
  });

  it("bounds the console's memory when it uploads to a slow agent-side reader", async () => {
    const source = countingSource();
    const agentStream = deferred<TunnelStream>();
    pair = await connectSessionPair({ initialWindow: WINDOW }, {
      initialWindow: WINDOW,
      onStream: (stream) => agentStream.resolve(stream),
    });
    const stream = await pair.console.openStream("k8s");
    source.readable.pipe(stream);
    const remote = await agentStream.promise;
    await expect.poll(() => remote.readableLength, { timeout: 5000 }).toBe(WINDOW);
    await barrier(pair.console, pair.agent);

    const consoleBuffered = pair.console.stats().bufferedBytes + stream.writableLength;
    expect(consoleBuffered).toBeLessThanOrEqual(2 * CHUNK);
    expect(source.state.produced).toBeLessThanOrEqual(WINDOW + 8 * CHUNK);

    // A consumer slower than the producer (one chunk per macrotask) drains it intact.
    const received = createHash("sha256");
    let total = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, callback) {
        received.update(chunk);
        total += chunk.length;
        setImmediate(callback);
      },
    });
    await pipeline(remote, slow);
    expect(total).toBe(TOTAL);
    expect(received.digest("hex")).toBe(source.state.hash.digest("hex"));
  });

  it("resets a stream whose peer overruns the window", async () => {
    const agentStream = deferred<TunnelStream>();
    pair = await connectSessionPair({ initialWindow: WINDOW }, { onStream: (stream) => agentStream.resolve(stream) });
    const stream = await pair.console.openStream("k8s");
    const remote = await agentStream.promise;
    stream.on("error", () => {});
    remote.on("error", () => {});
    const closed = new Promise((resolve) => stream.once("close", resolve));
    // A misbehaving agent: it credits itself far more than the console granted.
    remote.handleWindow(10 * WINDOW);
    remote.write(Buffer.alloc(4 * WINDOW));
    await closed;
    expect(stream.errored?.message).toMatch(/flow control window exceeded/);
    expect(stream.readableLength).toBeLessThanOrEqual(WINDOW);
  });
});
