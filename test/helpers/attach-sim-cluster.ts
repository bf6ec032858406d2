// Connects a simulated cluster to this test process's tunnel registry the way a real
// agent would, minus enrolment: a real WebSocket on loopback, real TunnelSessions on both
// ends, and the agent's real authenticating proxy (agent/src/serve-kube-proxy.ts) in
// front of the simulator's kube-apiserver, authenticating as the agent's service account
// with exactly the RBAC an import creates (apply-agent-access.ts). After attach,
// `dialCluster(clusterId)` works.
import type { AddressInfo } from "node:net";
import { WebSocket, WebSocketServer } from "ws";
import { TunnelSession } from "@/lib/tunnel";
import { KUBE_TARGET, registerTunnel, unregisterTunnel } from "@/lib/server/tunnel/tunnel-registry";
import { createKubeProxy } from "@/agent/src/serve-kube-proxy";
import { createLogger } from "@/agent/src/logger";
import { applyAgentAccess } from "./apply-agent-access";

export interface SimClusterAccess {
  /** https URL of the simulated apiserver. */
  server: string;
  caPem: string;
  /** The simulator's admin token: installs the import's RBAC; the agent then uses its own service account. */
  token: string;
}

export interface AttachedCluster {
  consoleSession: TunnelSession;
  agentSession: TunnelSession;
  /** Drops the tunnel as a network failure would (no close handshake). */
  cut(): void;
  detach(): Promise<void>;
}

export async function attachSimCluster(clusterId: string, access: SimClusterAccess): Promise<AttachedCluster> {
  const url = new URL(access.server);
  const agentToken = await applyAgentAccess(access);
  const proxy = createKubeProxy(
    {
      url,
      tls: { ca: Buffer.from(access.caPem), rejectUnauthorized: true, servername: url.hostname === "127.0.0.1" ? "localhost" : undefined },
      authorization: () => `Bearer ${agentToken}`,
      namespace: "outpost-system",
      inCluster: false,
    },
    createLogger(() => undefined),
  );
  const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
  const consoleSide = new Promise<TunnelSession>((resolve) =>
    wss.once("connection", (ws) => resolve(new TunnelSession(ws, { role: "console" }))),
  );
  const ws = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  // A TunnelSession wraps an already open WebSocket.
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  const agentSession = new TunnelSession(ws, {
    role: "agent",
    onStream: (stream, target) => {
      if (target !== KUBE_TARGET) throw new Error(`unknown target ${target}`);
      proxy.handleStream(stream);
    },
  });
  const consoleSession = await consoleSide;
  registerTunnel(clusterId, consoleSession);
  return {
    consoleSession,
    agentSession,
    cut: () => ws.terminate(),
    detach: async () => {
      unregisterTunnel(clusterId, consoleSession);
      agentSession.close();
      consoleSession.close();
      proxy.close();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
