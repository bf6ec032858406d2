import { once } from "node:events";
import type { AddressInfo } from "node:net";
import WebSocket, { WebSocketServer } from "ws";
import { TunnelSession } from "../tunnel-session";
import type { TunnelSessionOptions } from "../tunnel-types";

type SideOptions = Omit<TunnelSessionOptions, "role">;

/** A console session and an agent session joined by a real WebSocket on loopback. */
export interface SessionPair {
  console: TunnelSession;
  agent: TunnelSession;
  consoleSocket: WebSocket;
  agentSocket: WebSocket;
  /** Closes both sessions and the server. */
  dispose(): Promise<void>;
}

/**
 * Starts a WebSocket server on 127.0.0.1:0, connects a client to it, and wraps the server end
 * in a console session and the client end in an agent session (the production topology).
 */
export async function connectSessionPair(consoleOptions: SideOptions = {}, agentOptions: SideOptions = {}): Promise<SessionPair> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0, perMessageDeflate: false });
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const accepted = once(server, "connection") as Promise<[WebSocket]>;
  const agentSocket = new WebSocket(`ws://127.0.0.1:${port}/`, { perMessageDeflate: false });
  await once(agentSocket, "open");
  const [consoleSocket] = await accepted;
  const consoleSession = new TunnelSession(consoleSocket, { ...consoleOptions, role: "console" });
  const agentSession = new TunnelSession(agentSocket, { ...agentOptions, role: "agent" });
  return {
    console: consoleSession,
    agent: agentSession,
    consoleSocket,
    agentSocket,
    async dispose() {
      consoleSession.close(1001, "test done");
      agentSession.close(1001, "test done");
      for (const client of server.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Reads a stream to its end and returns everything it carried. Uses events, not `for await`,
 * because async iteration destroys a Duplex at the end and would kill its write side.
 */
export function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.once("end", () => resolve(Buffer.concat(chunks)));
    stream.once("error", reject);
  });
}

/** A promise with its resolve function exposed (Node 20 has no Promise.withResolvers). */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
