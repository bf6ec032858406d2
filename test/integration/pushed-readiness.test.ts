// Readiness without probe streams (docs/TUNNEL.md "Control protocol"): the real agent checks
// its apiserver's /readyz and reports changes on the control channel; the console derives
// Active/Unavailable from those reports and from hearing the agent's pings, opens no probe
// stream for it, and still probes an older agent. Links that drop or stall for ~2 s change
// nothing; a failing apiserver or a silent tunnel turns the cluster Unavailable within 10 s.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { createCluster } from "@/lib/server/clusters/create-cluster";
import { clusterRuntime } from "@/lib/server/clusters/cluster-runtime-state";
import { runStatePass, startClusterStateMonitor } from "@/lib/server/clusters/cluster-state-monitor";
import { prisma } from "@/lib/server/db/prisma";
import { getRuntimeContext } from "@/lib/server/runtime/runtime-context";
import { registerUpgradeHandler } from "@/lib/server/runtime/upgrade-handlers";
import { createTunnelGateway } from "@/lib/server/tunnel/tunnel-gateway";
import { getTunnel } from "@/lib/server/tunnel/tunnel-registry";
import { FRAME_HEADER_BYTES } from "@/lib/tunnel";
import { startSimulator, type Simulator } from "@/sim";
import { attachSimCluster, type AttachedCluster } from "../helpers/attach-sim-cluster";
import { startFreezableProxy, type FreezableProxy } from "../helpers/freezable-proxy";
import { runTestAgent, type TestAgent } from "../helpers/run-test-agent";
import { serveRoutes, type ServedRoutes } from "../helpers/serve-routes";
import { eventually } from "./explorer-fixture";

async function stateOf(id: string) {
  return prisma.cluster.findUniqueOrThrow({ where: { id }, select: { state: true, stateReason: true } });
}
async function transitions(id: string): Promise<string[]> {
  const events = await prisma.auditEvent.findMany({ where: { action: "cluster.state", targetId: id }, orderBy: { id: "asc" } });
  return events.map((e) => (e.details as { to: string }).to);
}

describe("readiness pushed by the agent", () => {
  let sim: Simulator;
  let served: ServedRoutes;
  let proxy: FreezableProxy;
  let agent: TestAgent;
  let old: AttachedCluster | undefined;
  let id: string;
  const monitor = startClusterStateMonitor();
  const gateway = createTunnelGateway((clusterId) => monitor.check(clusterId));

  beforeAll(async () => {
    registerUpgradeHandler("/v3/connect", (req, socket, head) => gateway.handleUpgrade(req, socket, head));
    sim = await startSimulator({ clusters: 2, scenarios: ["k3s"], port: 0 });
    served = await serveRoutes();
    proxy = await startFreezableProxy(Number(new URL(served.url).port));
    const cluster = await createCluster({ name: "pushing", labels: {} }, SYSTEM_ACTOR);
    id = cluster.id;
    const token = /import\/([0-9a-f]{64})_/.exec(cluster.importCommands!.manifestUrl)![1]!;
    const c = sim.clusters[0]!;
    agent = await runTestAgent({
      consoleUrl: proxy.url.replace("http://127.0.0.1", "https://localhost"),
      caChecksum: getRuntimeContext().caChecksum,
      token,
      clusterId: id,
      sim: { server: c.server, caPem: c.caPem, token: c.token },
      timings: { infoIntervalMs: 600_000 },
    });
  });
  afterAll(async () => {
    await agent?.stop();
    await old?.detach();
    await monitor.stop();
    await gateway.close();
    await proxy?.close();
    await served?.close();
    await sim?.stop();
  });

  it("turns Active from the agent's report; the console opens no stream and sends no ping", async () => {
    await eventually(async () => (await stateOf(id)).state === "active", 20_000, "Active");
    expect(clusterRuntime(id).pushesReadiness).toBe(true);
    // A full pass would probe an older agent; this one is left alone.
    await runStatePass();
    const agentSide = agent.session()!;
    // All the console sent are CONTROL frames (acknowledgements of health summaries): no stream, no ping.
    const controlBytes = agent.received.reduce((n, m) => n + FRAME_HEADER_BYTES + Buffer.byteLength(JSON.stringify(m)), 0);
    expect(agent.received.every((m) => m.type === "health-ack")).toBe(true);
    expect(agentSide.stats().bytesIn).toBe(controlBytes);
    expect(agent.logs.some((l) => l.includes('"event":"readiness"') && l.includes('"ready":true'))).toBe(true);
  });

  it("a failing apiserver turns it Unavailable within 10 s, and it comes back", async () => {
    const started = Date.now();
    sim.clusters[0]!.setFaults({ partition: true });
    const down = await eventually(async () => {
      const s = await stateOf(id);
      return s.state === "unavailable" ? s : undefined;
    }, 12_000, "Unavailable");
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(down.stateReason).toMatch(/readyz/);
    sim.clusters[0]!.setFaults({});
    await eventually(async () => (await stateOf(id)).state === "active", 10_000, "Active again");
    expect(await transitions(id)).toEqual(["active", "unavailable", "active"]);
  });

  it("a 2 s partition of the tunnel and a dropped link won back at once cause no transition", async () => {
    const before = await transitions(id);
    proxy.freeze();
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // the partition itself
    const thawedAt = Date.now();
    proxy.thaw();
    // The console hears the agent again (its next ping), and the sweep has looked since.
    await eventually(() => (getTunnel(id)?.stats().lastSeenAt ?? 0) > thawedAt, 8_000, "the agent heard again");
    await runStatePass([id]);
    expect((await stateOf(id)).state).toBe("active");

    const reconnected = agent.nextTunnel();
    proxy.cut();
    await reconnected;
    await eventually(() => clusterRuntime(id).connected && clusterRuntime(id).reportedReady?.ready, 8_000, "the new tunnel's readiness report");
    await runStatePass([id]);
    expect((await stateOf(id)).state).toBe("active");
    expect(await transitions(id)).toEqual(before);
  });

  it("5 % packet loss on the tunnel for 15 s causes no transition", async () => {
    const before = await transitions(id);
    proxy.lossy(0.05);
    const lossyUntil = Date.now() + 15_000;
    // Three ping intervals of a lossy link; the 1 s sweep judges the agent all along.
    await eventually(() => Date.now() >= lossyUntil, 16_000, "15 s of loss");
    proxy.lossy(0);
    await runStatePass([id]);
    expect((await stateOf(id)).state).toBe("active");
    expect(await transitions(id)).toEqual(before);
  });

  it("a silent tunnel turns it Unavailable within 10 s; heard again, it is Active", async () => {
    proxy.freeze();
    const started = Date.now();
    const down = await eventually(async () => {
      const s = await stateOf(id);
      return s.state === "unavailable" ? s : undefined;
    }, 12_000, "Unavailable");
    expect(Date.now() - started).toBeLessThan(10_500);
    expect(down.stateReason).toMatch(/agent silent/);
    proxy.thaw();
    await eventually(async () => (await stateOf(id)).state === "active", 10_000, "Active again");
  });

  it("an older agent, which reports no readiness, is still probed through its tunnel", async () => {
    const cluster = await createCluster({ name: "older", labels: {} }, SYSTEM_ACTOR);
    const c = sim.clusters[1]!;
    old = await attachSimCluster(cluster.id, { server: c.server, caPem: c.caPem, token: c.token });
    Object.assign(clusterRuntime(cluster.id), { connected: true, disconnectedAt: undefined, pushesReadiness: false });
    await prisma.cluster.update({ where: { id: cluster.id }, data: { connectedAt: new Date() } });
    const bytesBefore = old.agentSession.stats().bytesIn;
    await runStatePass([cluster.id]);
    expect((await stateOf(cluster.id)).state).toBe("active");
    expect(old.agentSession.stats().bytesIn).toBeGreaterThan(bytesBefore); // the probe's OPEN and request
  });
});
