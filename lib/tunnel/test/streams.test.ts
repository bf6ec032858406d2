import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import type { TunnelStream } from "../tunnel-stream";
import { connectSessionPair, deferred, readAll, type SessionPair } from "./session-pair";

let pair: SessionPair | undefined;
afterEach(async () => {
  await pair?.dispose();
  pair = undefined;
});

const sha = (data: Buffer) => createHash("sha256").update(data).digest("hex");

/** Agent handler: echo every stream back, then half-close when the console half-closes. */
const echo = (stream: TunnelStream) => {
  stream.pipe(stream);
};

describe("tunnel streams", () => {
  it("echoes data through a stream and delivers FIN as end", async () => {
    pair = await connectSessionPair({}, { onStream: echo });
    const stream = await pair.console.openStream("k8s");
    expect(stream.id % 2).toBe(1);
    stream.end("hello tunnel");
    expect((await readAll(stream)).toString()).toBe("hello tunnel");
  });

  it("completes zero-length writes (Node's http server makes them) without stalling", async () => {
    pair = await connectSessionPair({}, { onStream: echo });
    const stream = await pair.console.openStream("k8s");
    const written = new Promise<void>((resolve, reject) => stream.write(Buffer.alloc(0), (error) => (error ? reject(error) : resolve())));
    await written;
    stream.write("after");
    stream.end(Buffer.alloc(0));
    expect((await readAll(stream)).toString()).toBe("after");
  });

  it("carries many concurrent streams without mixing their bytes", async () => {
    pair = await connectSessionPair({}, { onStream: echo });
    const session = pair.console;
    const payloads = Array.from({ length: 64 }, (_, i) => randomBytes(64 * 1024 + i * 1000));
    const results = await Promise.all(
      payloads.map(async (payload) => {
        const stream = await session.openStream("k8s");
        const reading = readAll(stream);
        // Several writes per stream so frames of different streams interleave on the socket.
        for (let offset = 0; offset < payload.length; offset += 10_000) stream.write(payload.subarray(offset, offset + 10_000));
        stream.end();
        return reading;
      }),
    );
    expect(results.map(sha)).toEqual(payloads.map(sha));
    expect(new Set(results.map((r) => r.length)).size).toBe(64);
  });

  it("keeps the other direction open after a half-close (FIN)", async () => {
    const agentSide = deferred<TunnelStream>();
    pair = await connectSessionPair({}, { onStream: (stream) => agentSide.resolve(stream) });
    const stream = await pair.console.openStream("k8s");
    const remote = await agentSide.promise;
    stream.end("request");
    expect((await readAll(remote)).toString()).toBe("request");
    // The agent's write side is still open after it saw the console's FIN.
    remote.write("late ");
    remote.end("reply");
    const closed = once(stream, "close");
    expect((await readAll(stream)).toString()).toBe("late reply");
    await closed;
    // Both directions finished with FIN: the stream is gone on both ends without a RESET.
    expect(stream.errored).toBeNull();
    expect(pair.console.stats().openStreams).toBe(0);
    await expect.poll(() => pair?.agent.stats().openStreams).toBe(0);
  });

  it("RESET on one side errors the other side's stream with the reason", async () => {
    const agentSide = deferred<TunnelStream>();
    pair = await connectSessionPair({}, { onStream: (stream) => agentSide.resolve(stream) });
    const stream = await pair.console.openStream("k8s");
    const remote = await agentSide.promise;
    const failed = once(stream, "error");
    remote.on("error", () => {});
    remote.destroy(new Error("apiserver unreachable"));
    const [error] = (await failed) as [NodeJS.ErrnoException];
    expect(error.code).toBe("ECONNRESET");
    expect(error.message).toContain("apiserver unreachable");
    expect(stream.destroyed).toBe(true);
    await expect.poll(() => pair?.console.stats().openStreams).toBe(0);
  });

  it("refuses a stream with OPEN_FAIL carrying the handler's reason", async () => {
    pair = await connectSessionPair({}, {
      onStream: (_stream, target) => {
        if (target !== "k8s") throw new Error(`target "${target}" not allowed`);
      },
    });
    await expect(pair.console.openStream("10.0.0.1:22")).rejects.toThrow('target "10.0.0.1:22" not allowed');
    await expect(pair.console.openStream("k8s")).resolves.toBeDefined();
    // A console never accepts streams: it has no onStream.
    await expect(pair.agent.openStream("anything")).rejects.toThrow("streams not accepted");
  });

  it("delivers CONTROL messages as events in both directions", async () => {
    pair = await connectSessionPair();
    const atConsole = once(pair.console, "control");
    pair.agent.sendControl({ type: "hello", agentVersion: "1.2.3" });
    expect((await atConsole)[0]).toEqual({ type: "hello", agentVersion: "1.2.3" });
    const atAgent = once(pair.agent, "control");
    pair.console.sendControl({ type: "rotate-credential", credential: "x" });
    expect((await atAgent)[0]).toEqual({ type: "rotate-credential", credential: "x" });
  });

  it("counts bytes and open streams in stats()", async () => {
    pair = await connectSessionPair({}, { onStream: echo });
    const stream = await pair.console.openStream("k8s");
    expect(pair.console.stats().openStreams).toBe(1);
    stream.end(Buffer.alloc(10_000));
    await readAll(stream);
    const stats = pair.console.stats();
    expect(stats.bytesOut).toBeGreaterThan(10_000);
    expect(stats.bytesIn).toBeGreaterThan(10_000);
  });
});
