// A misbehaving agent harms only its own cluster: a CONTROL flood is rate-limited and
// coalesced (database-backed requests stay fast) and gets the agent disconnected; endless
// bodies and endless watch lines are cut at their bound with a clear error, memory stays
// bounded, and no promise is left rejected.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db/prisma";
import { getTunnel } from "@/lib/server/tunnel/tunnel-registry";
import { kubeJson } from "@/lib/server/k8s/kube-request";
import { watchKubeObjects } from "@/lib/server/k8s/watch-kube-objects";
import { callRoute } from "../helpers/routes";
import { apiToken, login, seedUser } from "../helpers/users";
import { sampleRss, startRogueAgent, writeForever, type RogueAgent } from "./rogue-agent";

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

describe("a rogue agent", () => {
  let token: string;
  const agents: RogueAgent[] = [];
  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled);
    await seedUser("ops", "admin");
    token = await apiToken(await login("ops"));
  });
  afterAll(async () => {
    process.off("unhandledRejection", onUnhandled);
    for (const a of agents) await a.stop();
  });

  it("flooding CONTROL messages: database requests stay fast, reports are coalesced, the agent is disconnected", async () => {
    const rogue = await startRogueAgent("flood", () => undefined);
    agents.push(rogue);
    const started = Date.now();
    let sent = 0;
    const latencies: number[] = [];
    // 20,000 info messages as fast as the socket takes them, interleaved with API calls.
    while (rogue.agent.isOpen && sent < 20_000) {
      for (let i = 0; i < 500; i++) rogue.agent.sendControl({ type: "info", agentVersion: `v${sent++}`, nodeCount: sent % 100 });
      const t0 = Date.now();
      const res = await callRoute("GET", "/api/v1/clusters", { token });
      latencies.push(Date.now() - t0);
      expect(res.status).toBe(200);
    }
    const code = await rogue.closed;
    const disconnectedAfterMs = Date.now() - started;
    expect(code).toBe(4001);
    expect(getTunnel(rogue.clusterId)).toBeUndefined();
    await expect.poll(() => prisma.auditEvent.count({ where: { action: "cluster.agent.disconnected", targetId: rogue.clusterId } })).toBe(1);
    const worst = Math.max(...latencies);
    // Reports were coalesced: one write, holding one of the first 30 admitted messages.
    const row = await prisma.cluster.findUniqueOrThrow({ where: { id: rogue.clusterId } });
    expect(Number(row.agentVersion?.slice(1) ?? "-1")).toBeLessThan(30);
    expect(worst).toBeLessThan(2_000);
    console.info(`[figure] control flood: ${sent} messages sent, agent disconnected after ${disconnectedAfterMs} ms, worst API latency during the flood ${worst} ms`);
  });

  it("an endless JSON answer is cut at its bound: a clear error, memory bounded, the tunnel still serving", { timeout: 60_000 }, async () => {
    const rogue = await startRogueAgent("endless", (_req, stream) => {
      stream.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n[");
      writeForever(stream, Buffer.alloc(64 * 1024, 0x20));
    });
    agents.push(rogue);
    const rss = sampleRss();
    const before = Math.round(process.memoryUsage().rss / 1024 / 1024);
    // The production bound is 64 MiB; 16 MiB here keeps the case fast on a loaded machine.
    const call = kubeJson(rogue.clusterId, null, { path: "/api/v1/nodes/n1", maxBytes: 16 * 1024 * 1024, timeoutMs: 50_000 });
    await expect(call).rejects.toMatchObject({ code: "unavailable", reason: "ResponseTooLarge", message: expect.stringMatching(/too large.*exceeded 16 MiB/) });
    const peak = rss.stop();
    expect(peak - before).toBeLessThan(200);
    // The tunnel's stream was reset; the session still serves the console.
    await expect.poll(() => getTunnel(rogue.clusterId)?.stats().openStreams ?? 0).toBe(0);
    expect(getTunnel(rogue.clusterId)?.isOpen).toBe(true);
    console.info(`[figure] endless body: RSS ${before} MiB before, peak ${peak} MiB (answer cut at 16 MiB)`);
  });

  it("an endless watch line is cut at 16 MiB and ends the watch with an error", { timeout: 60_000 }, async () => {
    const rogue = await startRogueAgent("endless-watch", (_req, stream) => {
      stream.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"type\":\"ADDED\",\"object\":{\"x\":\"");
      writeForever(stream, Buffer.alloc(64 * 1024, 0x61));
    });
    agents.push(rogue);
    const events = watchKubeObjects(rogue.clusterId, null, "pods", { namespace: "", resourceVersion: "1", signal: AbortSignal.timeout(30_000) });
    await expect(events.next()).rejects.toThrow(/watch event exceeded 16 MiB/);
    await expect.poll(() => getTunnel(rogue.clusterId)?.stats().openStreams ?? 0).toBe(0);
  });

  it("left no unhandled rejection behind", () => {
    expect(unhandled).toEqual([]);
  });
});
