// Self-registration (issue 20): three simulated clusters whose real agents start with one
// fleet token register themselves, wait for approval (getting nothing meanwhile), and once
// approved become Active and receive the bundle their template labels select; the same
// machine registering again stays one cluster; a revoked token refuses a fourth.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBundleDriver } from "@/lib/server/bundles/bundle-driver";
import { createBundle } from "@/lib/server/bundles/create-bundle";
import { getBundle } from "@/lib/server/bundles/get-bundle";
import { startClusterStateMonitor } from "@/lib/server/clusters/cluster-state-monitor";
import { prisma } from "@/lib/server/db/prisma";
import { getRuntimeContext, setRuntimeContext } from "@/lib/server/runtime/runtime-context";
import { registerUpgradeHandler } from "@/lib/server/runtime/upgrade-handlers";
import { createTunnelGateway } from "@/lib/server/tunnel/tunnel-gateway";
import type { TCreatedFleetToken, TFleetRegistration } from "@/lib/shared/fleet-registration/fleet-registration.schema";
import { startSimulator, type SimClusterInternal, type Simulator } from "@/sim";
import { callRoute } from "../helpers/routes";
import { runTestAgent, type TestAgent } from "../helpers/run-test-agent";
import { serveRoutes, type ServedRoutes } from "../helpers/serve-routes";
import { login, seedUser } from "../helpers/users";
import { until } from "./fleet-helpers";

const SITE_YAML = `apiVersion: v1
kind: Namespace
metadata:
  name: site-base
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: site
  namespace: site-base
data:
  site: "\${cluster.labels.site}"
`;

describe("self-registration with a fleet token", () => {
  let sim: Simulator;
  let served: ServedRoutes;
  let cookie: string;
  let created: TCreatedFleetToken;
  let stopDriver: () => Promise<void>;
  const agents: TestAgent[] = [];
  const monitor = startClusterStateMonitor();
  const gateway = createTunnelGateway((clusterId) => monitor.check(clusterId));
  const ctx = getRuntimeContext();

  const startAgent = async (i: number, labels: Record<string, string> = {}) => {
    const c = sim.clusters[i]!;
    const agent = await runTestAgent({ consoleUrl: served.url, caChecksum: ctx.caChecksum, token: created.token, labels, sim: { server: c.server, caPem: c.caPem, token: c.token }, timings: { backoffBaseMs: 100, infoIntervalMs: 600_000 } });
    agents.push(agent);
    return agent;
  };
  const registrations = async (state?: string) => {
    const res = await callRoute("GET", `/api/v1/fleet-registrations${state ? `?state=${state}` : ""}`, { cookie });
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: TFleetRegistration[] }).items;
  };

  beforeAll(async () => {
    setRuntimeContext({ ...ctx, config: { ...ctx.config, registrationPollSeconds: 1 } });
    registerUpgradeHandler("/v3/connect", (req, socket, head) => gateway.handleUpgrade(req, socket, head));
    sim = await startSimulator({ clusters: 4, scenarios: ["k3s"], port: 0, podStartMs: 50 });
    served = await serveRoutes();
    await seedUser("olga", "operator");
    cookie = await login("olga");
    stopDriver = startBundleDriver({ intervalMs: 250 });
  });
  afterAll(async () => {
    for (const a of agents) await a.stop();
    await stopDriver?.();
    await monitor.stop();
    await gateway.close();
    await served?.close();
    await sim?.stop();
    setRuntimeContext(ctx);
  });

  it("creates a fleet token shown once, stored hashed, with import commands that carry it", async () => {
    const bad = await callRoute("POST", "/api/v1/fleet-tokens", { cookie, body: { name: "x", labelTemplate: "site=${rack}" } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields.labelTemplate).toMatch(/unknown variable \$\{rack\}/);

    const res = await callRoute("POST", "/api/v1/fleet-tokens", {
      cookie,
      body: { name: "north shipment", labelTemplate: "region=eu-north,site=${hostname}", nameTemplate: "edge-${hostname}", requireApproval: true, maxUses: 10 },
    });
    expect(res.status).toBe(201);
    created = (await res.json()) as TCreatedFleetToken;
    expect(created.token).toMatch(/^oft-[0-9a-f]{64}$/);
    expect(created.importCommands.kubectl).toBe(`kubectl apply -f ${served.url}/v3/import/${created.token}.yaml`);
    expect(created.status).toBe("usable");
    const row = await prisma.fleetToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(row)).not.toContain(created.token);
    const list = await callRoute("GET", "/api/v1/fleet-tokens", { cookie });
    expect(JSON.stringify(await list.json())).not.toContain(created.token);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "fleet.token.create", targetId: created.id } });
    expect(JSON.stringify(audit.details)).not.toContain(created.token);
    // The manifest for the fleet token: no cluster id, the token in the credentials Secret.
    const manifest = await callRoute("GET", `/v3/import/${created.token}.yaml`, { ip: "10.2.0.1" });
    expect(manifest.status).toBe(200);
    const text = await manifest.text();
    expect(text).toContain(`token: ${created.token}`);
    expect(text).not.toContain("OUTPOST_CLUSTER_ID");
  });

  it("three agents wait for approval with nothing granted, then become Active and get the bundle their labels select", async () => {
    const bundle = await createBundle({ name: "site-base", source: { yaml: SITE_YAML }, targets: { clusterSelector: "region=eu-north" }, prune: true, selfHeal: false }, { id: null, name: "olga" });
    for (const i of [0, 1, 2]) await startAgent(i, i === 2 ? { rack: "r7" } : {});
    const pending = await until(async () => {
      const rows = await registrations("pending");
      return rows.length === 3 ? rows : null;
    }, 30_000, "three pending registrations");
    expect(await prisma.cluster.count()).toBe(0);
    expect(await prisma.agentCredential.count()).toBe(0);
    const byNode = new Map(pending.map((r) => [r.nodeName, r]));
    const first = byNode.get(`${sim.clusters[0]!.name}-server`)!;
    expect(first).toMatchObject({ displayName: `edge-${sim.clusters[0]!.name}-server`, labels: { region: "eu-north", site: `${sim.clusters[0]!.name}-server` }, arch: "amd64", fleetToken: { id: created.id } });
    expect(first.machineId).toMatch(/^[0-9a-f]{32}$/);
    expect(first.k3sVersion).toMatch(/^v1\.\d+\.\d+\+k3s\d$/);
    expect(byNode.get(`${sim.clusters[2]!.name}-server`)!.labels).toMatchObject({ rack: "r7", region: "eu-north" });
    // Waiting agents keep asking (slowly) and are told to wait.
    await until(async () => (agents[0]!.logs.some((l) => l.includes("waiting for approval")) ? true : null), 10_000, "the agent logs that it waits");

    // Reject one, then change our mind; approve another with a corrected name and labels.
    const second = byNode.get(`${sim.clusters[1]!.name}-server`)!;
    expect((await callRoute("POST", `/api/v1/fleet-registrations/${second.id}/reject`, { cookie })).status).toBe(200);
    await until(async () => (agents[1]!.logs.some((l) => l.includes("Registration rejected by an operator")) ? true : null), 10_000, "the rejected agent is told so");
    expect(await prisma.agentCredential.count()).toBe(0);
    for (const r of pending) {
      const body = r.id === first.id ? { name: "tromso", displayName: "Tromsø harbour", labels: { region: "eu-north", site: "tromso" } } : {};
      const res = await callRoute("POST", `/api/v1/fleet-registrations/${r.id}/approve`, { cookie, body });
      expect(res.status, r.nodeName).toBe(200);
    }
    const tromso = await prisma.cluster.findUniqueOrThrow({ where: { name: "tromso" } });
    expect(tromso).toMatchObject({ displayName: "Tromsø harbour", site: "tromso", region: "eu-north" });
    // Approval created the clusters; the agents pick up their credentials at their next ask
    // (the rejected one asks again only after 10 × the poll interval, so restart it).
    await agents[1]!.stop();
    await startAgent(1);
    const active = await until(async () => {
      const clusters = await prisma.cluster.findMany({ where: { state: "active" } });
      return clusters.length === 3 ? clusters : null;
    }, 40_000, "three Active clusters");
    expect(await prisma.agentCredential.count({ where: { revokedAt: null } })).toBe(3);
    const done = await until(async () => {
      const b = await getBundle(bundle.id);
      return b.counts.Ready === 3 ? b : null;
    }, 30_000, "the bundle Ready on the three new clusters");
    expect(done.clusters.map((c) => c.clusterId).sort()).toEqual(active.map((c) => c.id).sort());
    const config = (sim.clusters[0] as SimClusterInternal).state.store.get("/configmaps", "site-base", "site");
    expect((config?.data as Record<string, string>).site).toBe("tromso");
  });

  it("the same machine registering again gets the same cluster, never a second one", async () => {
    const before = await prisma.fleetRegistration.findMany({ select: { id: true, clusterId: true } });
    const cluster = await prisma.cluster.findUniqueOrThrow({ where: { name: "tromso" } });
    // The agent lost its stored credential (a new state directory) and registers again.
    await agents[0]!.stop();
    const again = await startAgent(0);
    await again.nextTunnel();
    expect(await prisma.cluster.count()).toBe(3);
    expect(await prisma.fleetRegistration.findMany({ select: { id: true, clusterId: true } })).toEqual(expect.arrayContaining(before));
    expect(await prisma.fleetRegistration.count()).toBe(3);
    expect(again.logs.some((l) => l.includes(`"clusterId":"${cluster.id}"`) && l.includes("enrolled"))).toBe(true);
    expect(await prisma.agentCredential.count({ where: { clusterId: cluster.id, revokedAt: null } })).toBe(1);
    // While that agent is connected, the same machine id cannot take its place.
    const identity = (await prisma.fleetRegistration.findUniqueOrThrow({ where: { clusterId: cluster.id } }));
    const res = await callRoute("POST", "/v3/connect/register", { ip: "10.3.0.1", body: { token: created.token, identity: { nodeName: "x", machineId: identity.machineId, arch: "amd64", k3sVersion: "v1.31.4+k3s1" } } });
    expect(res.status).toBe(409);
    const token = await prisma.fleetToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(token.useCount).toBe(3);
  });

  it("a revoked fleet token refuses a fourth cluster; registered clusters stay connected", async () => {
    const res = await callRoute("DELETE", `/api/v1/fleet-tokens/${created.id}`, { cookie });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe("revoked");
    const fourth = await startAgent(3);
    await until(async () => (fourth.logs.some((l) => l.includes("agent failed") && l.includes("Invalid fleet token")) ? true : null), 15_000, "the fourth agent refused");
    expect(await prisma.fleetRegistration.count()).toBe(3);
    expect(await prisma.cluster.count({ where: { state: "active" } })).toBe(3);
    const refused = await prisma.auditEvent.findMany({ where: { action: "fleet.register", outcome: "failure" } });
    expect(refused.map((e) => (e.details as { reason: string }).reason)).toEqual(expect.arrayContaining(["invalid-token", "connected"]));
    const uses = await prisma.auditEvent.count({ where: { action: "fleet.register", outcome: "success" } });
    expect(uses).toBe(3);
  });
});
