import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { TunnelSession } from "@/lib/tunnel";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { createCluster } from "@/lib/server/clusters/create-cluster";
import { prisma } from "@/lib/server/db/prisma";
import { getTunnel } from "@/lib/server/tunnel/tunnel-registry";
import { createTunnelGateway } from "@/lib/server/tunnel/tunnel-gateway";
import { connectTunnel, CredentialRejectedError } from "@/agent/src/connect-tunnel";
import { RetryableError } from "@/agent/src/register-agent";
import { callRoute } from "../helpers/routes";

describe("the /v3/connect gateway", () => {
  const server = http.createServer();
  const gateway = createTunnelGateway(() => undefined);
  let url: string;
  let clusterId: string;
  let credential: string;

  beforeAll(async () => {
    server.on("upgrade", (req, socket, head) => gateway.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/v3/connect`;
    const cluster = await createCluster({ name: "gate", labels: {} }, SYSTEM_ACTOR);
    clusterId = cluster.id;
    const token = /import\/([0-9a-f]{64})_/.exec(cluster.importCommands!.manifestUrl)![1];
    const res = await callRoute("POST", "/v3/connect/register", { body: { token } });
    credential = ((await res.json()) as { credential: string }).credential;
  });
  afterAll(async () => {
    await gateway.close();
    server.close();
  });

  function dial(headers: Record<string, string>): Promise<{ ws: WebSocket; status?: number }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      ws.once("open", () => resolve({ ws }));
      ws.once("unexpected-response", (_req, res) => resolve({ ws, status: res.statusCode }));
      ws.once("error", reject);
    });
  }

  it("refuses unknown credentials and a credential presented for another cluster", async () => {
    expect((await dial({ authorization: "Bearer oac_nope" })).status).toBe(401);
    expect((await dial({ authorization: `Bearer ${credential}`, "x-outpost-cluster-id": "someone-else" })).status).toBe(401);
    expect(await prisma.auditEvent.count({ where: { action: "cluster.connect", outcome: "failure" } })).toBe(2);
  });

  it("keeps one live tunnel per cluster: a second connection replaces the first, audited", async () => {
    const first = await dial({ authorization: `Bearer ${credential}`, "x-outpost-cluster-id": clusterId });
    const firstSession = new TunnelSession(first.ws, { role: "agent" });
    await expect.poll(() => getTunnel(clusterId) !== undefined).toBe(true);
    const consoleSideOfFirst = getTunnel(clusterId)!;
    const firstClosed = new Promise<number>((resolve) => first.ws.once("close", (code) => resolve(code)));

    const second = await dial({ authorization: `Bearer ${credential}`, "x-outpost-cluster-id": clusterId });
    const secondSession = new TunnelSession(second.ws, { role: "agent" });
    expect(await firstClosed).toBe(4000);
    expect(getTunnel(clusterId)?.isOpen).toBe(true);
    await expect.poll(() => prisma.auditEvent.count({ where: { action: "cluster.tunnel.replaced", targetId: clusterId } })).toBe(1);

    // The replaced session closing must not unregister its successor.
    await expect.poll(() => consoleSideOfFirst.isOpen).toBe(false);
    expect(getTunnel(clusterId)).toBeDefined();
    expect(getTunnel(clusterId)).not.toBe(consoleSideOfFirst);
    // Connect bookkeeping is batched but stored: connectedAt on connect, disconnectedAt on close.
    await expect.poll(async () => (await prisma.cluster.findUniqueOrThrow({ where: { id: clusterId } })).connectedAt).not.toBeNull();
    firstSession.close();
    secondSession.close();
    await expect.poll(async () => (await prisma.cluster.findUniqueOrThrow({ where: { id: clusterId } })).disconnectedAt).not.toBeNull();
    await expect.poll(async () => (await prisma.agentCredential.findFirstOrThrow({ where: { clusterId } })).lastUsedAt).not.toBeNull();
  });

  it("bounds a reconnect storm: beyond the accepts in flight, 503 with a jittered Retry-After that the agent honours", async () => {
    const limited = createTunnelGateway(() => undefined, 2);
    const storm = http.createServer();
    storm.on("upgrade", (req, socket, head) => limited.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve) => storm.listen(0, "127.0.0.1", resolve));
    try {
      const server = `http://127.0.0.1:${(storm.address() as AddressInfo).port}`;
      // Unknown credentials: each one holds its accept slot for a credential lookup.
      const outcomes = await Promise.all(
        Array.from({ length: 24 }, (_, i) => connectTunnel(server, { clusterId: `storm-${i}`, credential: `oac_storm_${i}`, server }, { ca: undefined }).then(() => "open", (error: unknown) => error)),
      );
      const busy = outcomes.filter((o): o is RetryableError => o instanceof RetryableError);
      expect(busy.length).toBeGreaterThan(0);
      for (const b of busy) {
        expect(b.retryAfterMs).toBeGreaterThanOrEqual(1_000);
        expect(b.retryAfterMs).toBeLessThanOrEqual(5_000);
      }
      expect(outcomes.filter((o) => o instanceof CredentialRejectedError).length).toBeGreaterThanOrEqual(2);
      expect(busy.length + outcomes.filter((o) => o instanceof CredentialRejectedError).length).toBe(24);
    } finally {
      await limited.close();
      storm.close();
    }
  });

  it("refuses a revoked credential at once", async () => {
    await prisma.agentCredential.updateMany({ where: { clusterId }, data: { revokedAt: new Date() } });
    expect((await dial({ authorization: `Bearer ${credential}` })).status).toBe(401);
  });
});
