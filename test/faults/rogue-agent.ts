// A test agent speaking the real tunnel protocol (lib/tunnel) through the console's real
// /v3/connect gateway, enrolled with a real registration token — but answering streams
// with whatever a test wants: endless bodies, watches that never end, floods of CONTROL.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocket } from "ws";
import { TunnelSession } from "@/lib/tunnel";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { createCluster } from "@/lib/server/clusters/create-cluster";
import { createTunnelGateway } from "@/lib/server/tunnel/tunnel-gateway";
import { getTunnel } from "@/lib/server/tunnel/tunnel-registry";
import { callRoute } from "../helpers/routes";

/** How the rogue agent answers one request: write to `stream` (raw HTTP/1.1) as you like. */
export type RogueHandler = (request: { method: string; path: string }, stream: Duplex) => void;

export interface RogueAgent {
  clusterId: string;
  agent: TunnelSession;
  /** Resolves with the close code when the console drops the agent. */
  closed: Promise<number>;
  stop(): Promise<void>;
}

/** Writes `chunk` until the stream closes, honouring backpressure (the tunnel's flow control). */
export function writeForever(stream: Duplex, chunk: Buffer): void {
  let open = true;
  stream.on("close", () => (open = false));
  stream.on("error", () => (open = false));
  const pump = () => {
    while (open && stream.write(chunk));
    if (open) stream.once("drain", pump);
  };
  pump();
}

/** Starts a gateway on an ephemeral port and connects one rogue agent for a new cluster. */
export async function startRogueAgent(name: string, handler: RogueHandler): Promise<RogueAgent> {
  const server = http.createServer();
  const gateway = createTunnelGateway(() => undefined);
  server.on("upgrade", (req, socket, head) => gateway.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const cluster = await createCluster({ name, labels: {} }, SYSTEM_ACTOR);
  const token = /import\/([0-9a-f]{64})_/.exec(cluster.importCommands!.manifestUrl)![1];
  const res = await callRoute("POST", "/v3/connect/register", { body: { token } });
  const { credential } = (await res.json()) as { credential: string };
  const ws = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}/v3/connect`, {
    headers: { authorization: `Bearer ${credential}`, "x-outpost-cluster-id": cluster.id },
  });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
  const agent = new TunnelSession(ws, {
    role: "agent",
    onStream: (stream) => {
      let head = "";
      const onData = (chunk: Buffer) => {
        head += chunk.toString("latin1");
        const end = head.indexOf("\r\n\r\n");
        if (end < 0) return;
        stream.off("data", onData);
        const [method = "GET", path = "/"] = head.slice(0, head.indexOf("\r\n")).split(" ");
        handler({ method, path }, stream);
      };
      stream.on("data", onData);
      stream.on("error", () => undefined);
    },
  });
  for (let i = 0; i < 200 && !getTunnel(cluster.id); i++) await new Promise((r) => setTimeout(r, 10));
  if (!getTunnel(cluster.id)) throw new Error("the rogue agent's tunnel was not registered");
  return {
    clusterId: cluster.id,
    agent,
    closed,
    stop: async () => {
      agent.close();
      await gateway.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Samples this process's RSS every 20 ms until `stop()`; returns the peak in MiB. */
export function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024);
    },
  };
}
