import { expect, test, type APIRequestContext } from "@playwright/test";
import type { TCluster } from "../lib/shared/clusters/clusters.schema";
import { dockerFormArgs, systemdFormArgs, startAgent, tempStateDir, type AgentProcess } from "./support/agent-process";
import { kubeconfigOf, startSimulatedFleet, waitForClusterState, type SimulatedFleet } from "./support/simulated-clusters";

// Agent-side acceptance of cluster import, with the docker-run form (the bootstrap on the
// Node.js image, downloading and verifying the bundle) and the bare-host systemd form run by
// this machine's Node.js as Docker and systemd would, against simulated k3s clusters.
let fleet: SimulatedFleet;
const agents: AgentProcess[] = [];
test.beforeAll(async () => {
  fleet = await startSimulatedFleet([{ name: "docker-form" }, { name: "bad-checksum" }, { name: "restarts" }]);
});
test.afterAll(async () => {
  await Promise.all(agents.map((a) => a.kill("SIGKILL")));
  await fleet?.stop();
});

async function register(request: APIRequestContext, name: string): Promise<TCluster> {
  const res = await request.post("/api/v1/clusters", { data: { name } });
  expect(res.status()).toBe(201);
  return (await res.json()) as TCluster;
}

async function enrolments(request: APIRequestContext, clusterId: string): Promise<number> {
  const res = await request.get(`/api/v1/audit?action=cluster.enroll&target=${clusterId}&outcome=success`);
  return ((await res.json()) as { items: unknown[] }).items.length;
}

test("the docker-run form's agent, run with Node.js, enrols and the cluster turns Active", async ({ request }) => {
  const cluster = await register(request, "docker-form");
  const launch = dockerFormArgs(cluster.importCommands!.docker!, kubeconfigOf(fleet, "docker-form"), tempStateDir());
  const agent = startAgent(launch);
  agents.push(agent);
  const active = await waitForClusterState(request, cluster.id, "active", 15_000);
  expect(active.kubernetesVersion).toBe("v1.31.4+k3s1");
  expect(active.nodeCount).toBe(3);
  expect(active.agentVersion).toBe("0.1.0");
  expect(await enrolments(request, cluster.id)).toBe(1);
});

test("a wrong CA checksum stops the agent before it sends its token", async ({ request }) => {
  const cluster = await register(request, "bad-checksum");
  const launch = dockerFormArgs(cluster.importCommands!.docker!, kubeconfigOf(fleet, "bad-checksum"), tempStateDir());
  const agent = startAgent(launch, { OUTPOST_CA_CHECKSUM: "0".repeat(64) });
  agents.push(agent);
  expect(await agent.exited).toBe(1);
  expect(agent.output()).toContain(`CA checksum mismatch: console serves ${cluster.caChecksum}, expected ${"0".repeat(64)}`);
  expect(agent.output()).not.toContain("enrolling");
  expect(await enrolments(request, cluster.id)).toBe(0);
  expect((await (await request.get(`/api/v1/clusters/${cluster.id}`)).json()) as TCluster).toMatchObject({ state: "pending" });
});

test("a restarted agent reconnects with its stored credential after the token is revoked; a killed one turns the cluster Unavailable", async ({ request }) => {
  const cluster = await register(request, "restarts");
  const stateDir = tempStateDir();
  const commands = cluster.importCommands!;
  const args = systemdFormArgs(commands.systemd!, commands.systemdUnit, kubeconfigOf(fleet, "restarts"), stateDir);
  const first = startAgent(args);
  agents.push(first);
  await waitForClusterState(request, cluster.id, "active", 15_000);
  expect(await first.kill("SIGTERM")).toBe(0);

  const revoke = await request.delete(`/api/v1/clusters/${cluster.id}/registration-tokens`);
  expect(revoke.status()).toBe(200);
  const second = startAgent(args);
  agents.push(second);
  await expect.poll(() => second.output(), { timeout: 15_000 }).toContain("using stored credential");
  await waitForClusterState(request, cluster.id, "active", 15_000);
  expect(await enrolments(request, cluster.id)).toBe(1);

  // Killed without a goodbye: the tunnel drops, and within 15 s the cluster is Unavailable.
  const killedAt = Date.now();
  await second.kill("SIGKILL");
  const down = await waitForClusterState(request, cluster.id, "unavailable", 15_000);
  const seconds = (Date.now() - killedAt) / 1000;
  expect(seconds).toBeLessThan(15);
  // Not before the 10 s grace that lets a restarting agent come back without a flap.
  expect(seconds).toBeGreaterThanOrEqual(10);
  expect(down.stateReason).toMatch(/agent disconnected/);
});
