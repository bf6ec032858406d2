import path from "node:path";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import type { TCluster } from "../lib/shared/clusters/clusters.schema";
import { dockerFormArgs, startAgent, tempStateDir, type AgentProcess } from "./support/agent-process";
import { E2E_PORT, ROOT, startConsoleProcess, type ConsoleProcess } from "./support/console-process";
import { kubeconfigOf, startSimulatedFleet, waitForClusterState, type SimulatedFleet } from "./support/simulated-clusters";

// A console of its own (port and data directory), so restarting it disturbs no other journey.
const PORT = E2E_PORT + 1;
const DATA_DIR = path.join(ROOT, ".outpost-e2e-restart");
const PASSWORD = "restart-admin-password";
const NAMES = ["restart-a", "restart-b", "restart-c"];

let fleet: SimulatedFleet;
let consoleProcess: ConsoleProcess | undefined;
const agents: AgentProcess[] = [];
test.afterAll(async () => {
  await Promise.all(agents.map((a) => a.kill("SIGKILL")));
  await consoleProcess?.stop();
  await fleet?.stop();
});

test("after a console restart every agent is back, Active, within 30 s — no operator needed", async () => {
  test.setTimeout(150_000);
  fleet = await startSimulatedFleet(NAMES.map((name) => ({ name })));
  consoleProcess = await startConsoleProcess({ port: PORT, dataDir: DATA_DIR, env: { OUTPOST_BOOTSTRAP_PASSWORD: PASSWORD } });
  const api = await playwrightRequest.newContext({ baseURL: `https://localhost:${PORT}`, ignoreHTTPSErrors: true });
  expect((await api.post("/api/v1/session", { data: { username: "admin", password: PASSWORD } })).status()).toBe(200);

  const clusters: TCluster[] = [];
  for (const name of NAMES) {
    const created = (await (await api.post("/api/v1/clusters", { data: { name } })).json()) as TCluster;
    agents.push(startAgent(dockerFormArgs(created.importCommands!.docker!, kubeconfigOf(fleet, name), tempStateDir())));
    clusters.push(created);
  }
  for (const c of clusters) await waitForClusterState(api, c.id, "active", 15_000);

  await consoleProcess.stop();
  consoleProcess = await startConsoleProcess({ port: PORT, dataDir: DATA_DIR, fresh: false, env: { OUTPOST_BOOTSTRAP_PASSWORD: PASSWORD } });
  const upAgain = Date.now();
  // Sessions live in the database: the same cookie still works after the restart.
  for (const c of clusters) {
    const back = await waitForClusterState(api, c.id, "active", 30_000);
    expect(back.connected).toBe(true);
  }
  const seconds = (Date.now() - upAgain) / 1000;
  test.info().annotations.push({ type: "agents back after restart", description: `${seconds.toFixed(1)} s` });
  expect(seconds).toBeLessThan(30);
  await api.dispose();
});
