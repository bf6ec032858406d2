import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { TunnelSession } from "../tunnel-session";
import type { TunnelCloseInfo } from "../tunnel-types";
import { connectSessionPair, type SessionPair } from "./session-pair";

let pair: SessionPair | undefined;
let server: WebSocketServer | undefined;
afterEach(async () => {
  await pair?.dispose();
  pair = undefined;
  for (const client of server?.clients ?? []) client.terminate();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe("tunnel keepalive", () => {
  it("declares a silent peer dead, closes the session and errors its streams", async () => {
    server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await once(server, "listening");
    const accepted = once(server, "connection") as Promise<[WebSocket]>;
    // A peer that is connected but never answers anything: no pongs, no frames.
    const silent = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}/`, { autoPong: false });
    await once(silent, "open");
    const [socket] = await accepted;
    const session = new TunnelSession(socket, { role: "console", pingIntervalMs: 20, deadAfterMs: 150, openTimeoutMs: 60_000 });
    const opening = session.openStream("k8s");
    const pings = { count: 0 };
    silent.on("ping", () => pings.count++);

    const [info] = (await once(session, "close")) as [TunnelCloseInfo];
    expect(info.code).toBe(1006);
    expect(info.reason).toMatch(/peer silent for \d+ ms/);
    expect(pings.count).toBeGreaterThanOrEqual(1); // it did ping before giving up
    await expect(opening).rejects.toThrow(/tunnel session closed: peer silent/);
    expect(session.isOpen).toBe(false);
    silent.terminate();
  });

  it("keeps a live peer: pings are answered and the session stays open", async () => {
    const timing = { pingIntervalMs: 25, deadAfterMs: 250 };
    pair = await connectSessionPair(timing, { ...timing, onStream: () => {} });
    const session = pair.console;
    // Forty ping intervals (four dead-after periods) observed as events, or the session died.
    const outcome = await new Promise<string>((resolve) => {
      let pings = 0;
      pair?.agentSocket.on("ping", () => {
        if (++pings === 40) resolve("alive");
      });
      session.once("close", (info: TunnelCloseInfo) => resolve(`closed: ${info.reason}`));
    });
    expect(outcome).toBe("alive");
    expect(pair.console.isOpen).toBe(true);
    expect(pair.agent.isOpen).toBe(true);
    await expect(pair.console.openStream("k8s")).resolves.toBeDefined();
  });

  it("pings from one side only: a console that sends none stays alive on the agent's pings, the agent on the pongs", async () => {
    const timing = { pingIntervalMs: 20, deadAfterMs: 120 };
    pair = await connectSessionPair({ ...timing, sendPings: false }, { ...timing, onStream: () => {} });
    let consolePings = 0;
    pair.agentSocket.on("ping", () => consolePings++);
    const outcome = await new Promise<string>((resolve) => {
      let pongs = 0;
      pair?.agentSocket.on("pong", () => {
        if (++pongs === 30) resolve("alive"); // five dead-after periods
      });
      pair?.console.once("close", (info: TunnelCloseInfo) => resolve(`console closed: ${info.reason}`));
      pair?.agent.once("close", (info: TunnelCloseInfo) => resolve(`agent closed: ${info.reason}`));
    });
    expect(outcome).toBe("alive");
    expect(consolePings).toBe(0);
    expect(pair.console.isOpen && pair.agent.isOpen).toBe(true);
  });

  it("does not blame the peer for a stall of its own event loop", async () => {
    const timing = { pingIntervalMs: 20, deadAfterMs: 100 };
    pair = await connectSessionPair(timing, { ...timing, onStream: () => {} });
    const session = pair.console;
    const closed: string[] = [];
    session.once("close", (info: TunnelCloseInfo) => closed.push(info.reason));
    // Block this process (both ends) for three dead-after periods, as a long GC pause would.
    const until = Date.now() + 300;
    while (Date.now() < until) {
      // busy
    }
    const outcome = await new Promise<string>((resolve) => {
      let pings = 0;
      pair?.agentSocket.on("ping", () => {
        if (++pings === 10) resolve("alive");
      });
      session.once("close", (info: TunnelCloseInfo) => resolve(`closed: ${info.reason}`));
    });
    expect(outcome).toBe("alive");
    expect(closed).toEqual([]);
  });
});
