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
    expect(pings.count).toBeGreaterThanOrEqual(3); // it did ping before giving up
    await expect(opening).rejects.toThrow(/tunnel session closed: peer silent/);
    expect(session.isOpen).toBe(false);
    silent.terminate();
  });

  it("keeps a live peer: pings are answered and the session stays open", async () => {
    pair = await connectSessionPair({ pingIntervalMs: 10, deadAfterMs: 60 }, { pingIntervalMs: 10, deadAfterMs: 60, onStream: () => {} });
    let pings = 0;
    // Twenty ping intervals (more than three dead-after periods) observed as events.
    await new Promise<void>((resolve) => {
      pair?.agentSocket.on("ping", () => {
        if (++pings === 20) resolve();
      });
    });
    expect(pair.console.isOpen).toBe(true);
    expect(pair.agent.isOpen).toBe(true);
    await expect(pair.console.openStream("k8s")).resolves.toBeDefined();
  });
});
