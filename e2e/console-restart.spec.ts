// A console of its own (port and data directory), restarted, SIGKILLed and deprived of its
// database, so none of it disturbs another journey: agents come back by themselves, nothing
// acknowledged is lost, a rollout in flight finishes, and pages recover without a restart.
import "../scripts/register-server-only.cjs";
import fs from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { recordedPostgresRoot } from "../lib/server/db/postgres-data-location";
import type { TBundleDetail } from "../lib/shared/bundles/bundles.schema";
import type { TCluster } from "../lib/shared/clusters/clusters.schema";
import { kubectl } from "../sim/test/run-kubectl";
import { dockerFormArgs, startAgent, tempStateDir, type AgentProcess } from "./support/agent-process";
import { E2E_PORT, ROOT, startConsoleProcess, type ConsoleProcess } from "./support/console-process";
import { connectSimCluster, kubeconfigOf, startSimulatedFleet, waitForClusterState, type SimulatedFleet } from "./support/simulated-clusters";

const PORT = E2E_PORT + 1;
const URL = `https://localhost:${PORT}`;
const DATA_DIR = path.join(ROOT, ".outpost-e2e-restart");
const PASSWORD = "restart-admin-password";
/** Agents as processes (docker form) and agents in the simulated kubelets (manifest form, with the import's RBAC). */
const DOCKER = ["restart-a", "restart-b", "restart-c"];
const MANIFEST = ["restart-m1", "restart-m2"];

test.describe.configure({ mode: "serial" });
test.use({ storageState: { cookies: [], origins: [] } });

let fleet: SimulatedFleet;
let consoleProcess: ConsoleProcess | undefined;
let api: APIRequestContext;
const agents: AgentProcess[] = [];
const clusters: TCluster[] = [];

const startOwnConsole = (fresh: boolean) => startConsoleProcess({ port: PORT, dataDir: DATA_DIR, fresh, env: { OUTPOST_BOOTSTRAP_PASSWORD: PASSWORD } });

async function signIn(): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL: URL, ignoreHTTPSErrors: true });
  expect((await ctx.post("/api/v1/session", { data: { username: "admin", password: PASSWORD } })).status()).toBe(200);
  return ctx;
}

/**
 * How long agents may take once the console listens again: after losing a healthy tunnel an
 * agent retries at most 10 s apart for 15 minutes (agent/src/backoff.ts), whatever the time
 * the console took to come back; then a handshake and a readiness report under load.
 */
const AGENTS_BACK_S = 25;

/** Seconds until every cluster is Active with its tunnel up again. */
async function allBackWithin(limitS: number): Promise<number> {
  const since = Date.now();
  for (const c of clusters) expect((await waitForClusterState(api, c.id, "active", limitS * 1000)).connected).toBe(true);
  return (Date.now() - since) / 1000;
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  fleet = await startSimulatedFleet([...DOCKER, ...MANIFEST].map((name) => ({ name })));
  consoleProcess = await startOwnConsole(true);
  api = await signIn();
  for (const name of DOCKER) {
    const created = (await (await api.post("/api/v1/clusters", { data: { name } })).json()) as TCluster;
    agents.push(startAgent(dockerFormArgs(created.importCommands!.docker!, kubeconfigOf(fleet, name), tempStateDir())));
    clusters.push(created);
  }
  for (const name of MANIFEST) clusters.push(await connectSimCluster(api, fleet, name));
  for (const c of clusters) await waitForClusterState(api, c.id, "active", 30_000);
});

test.afterAll(async () => {
  if (consoleProcess) fs.writeFileSync(test.info().outputPath("console.log"), consoleProcess.output());
  await Promise.all(agents.map((a) => a.kill("SIGKILL")));
  await api?.dispose();
  await consoleProcess?.stop().catch(() => undefined);
  await fleet?.stop();
});

test("after a console restart every agent is back, Active, within 25 s — no operator needed", async () => {
  test.setTimeout(150_000);
  const stoppedAt = Date.now();
  await consoleProcess!.stop();
  consoleProcess = await startOwnConsole(false);
  const awayS = (Date.now() - stoppedAt) / 1000;
  // Sessions live in the database: the same cookie still works after the restart.
  const seconds = await allBackWithin(AGENTS_BACK_S);
  test.info().annotations.push({ type: "agents back after restart", description: `${seconds.toFixed(1)} s (console away ${awayS.toFixed(0)} s)` });
  expect(seconds).toBeLessThan(AGENTS_BACK_S);
});

test("console SIGKILLed with agents connected, writes and a rollout in flight: nothing acknowledged is lost, the rollout finishes, agents are back", async () => {
  test.setTimeout(240_000);
  const targets = clusters.filter((c) => MANIFEST.includes(c.name));
  // A rollout that takes a while: one cluster first, then a soak before the second.
  const created = await api.post("/api/v1/bundles", {
    data: {
      name: "restart-rollout",
      source: { yaml: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: restart-rollout\n  namespace: default\ndata:\n  cluster: \"${cluster.name}\"\n" },
      targets: { clusterIds: targets.map((c) => c.id) },
      rollout: { firstWave: { count: 1 }, batchPercent: 100, soakSeconds: 15 },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const bundle = (await created.json()) as TBundleDetail;
  const detail = async () => (await (await api.get(`/api/v1/bundles/${bundle.id}`)).json()) as TBundleDetail;
  await expect.poll(async () => (await detail()).counts.Ready, { timeout: 60_000 }).toBe(1);
  // In flight: the first cluster Ready, the second waiting for the soak.
  expect((await detail()).status).toBe("progressing");

  // Writes in flight when the process dies: 40 API tokens requested at once.
  const acknowledged: string[] = [];
  const writes = Array.from({ length: 40 }, (_, i) =>
    api
      .post("/api/v1/tokens", { data: { name: `in-flight-${i}`, ttlDays: 1 } })
      .then(async (r) => (r.status() === 201 ? acknowledged.push(((await r.json()) as { id: string }).id) : undefined))
      .catch(() => undefined),
  );
  await expect.poll(() => acknowledged.length, { timeout: 30_000, intervals: [5] }).toBeGreaterThan(0);
  const killedAt = Date.now();
  consoleProcess!.child.kill("SIGKILL");
  await Promise.all(writes);
  await api.dispose();
  // Its embedded Postgres died with it; the next start recovers the database.
  consoleProcess = await startOwnConsole(false);
  const upAt = Date.now();
  const awayS = (upAt - killedAt) / 1000;
  api = await signIn();
  const seconds = await allBackWithin(AGENTS_BACK_S);

  const tokens = (await (await api.get("/api/v1/tokens")).json()) as { items: Array<{ id: string; name: string }> };
  const present = new Set(tokens.items.map((t) => t.id));
  expect(acknowledged.filter((id) => !present.has(id)), "acknowledged tokens lost").toEqual([]);
  // The rollout holds while its newest wave is all Offline (docs/BUNDLES.md), then finishes;
  // a cluster of an earlier wave may still be catching up when it does.
  await expect.poll(async () => {
    const done = await detail();
    return [done.status, ...done.clusters.map((c) => c.state)];
  }, { timeout: 90_000 }).toEqual(["completed", ...targets.map(() => "Ready")]);
  for (const c of targets) {
    const live = await kubectl(kubeconfigOf(fleet, c.name), ["get", "configmap", "restart-rollout", "-n", "default", "-o", "jsonpath={.data.cluster}"]);
    expect(live.stdout).toBe(c.name);
  }
  test.info().annotations.push({ type: "SIGKILL", description: `console up again ${awayS.toFixed(1)} s after the kill; ${clusters.length} agents Active ${seconds.toFixed(1)} s later; ${acknowledged.length}/40 writes acknowledged, none lost` });
  console.info(`[figure] console SIGKILL: up again in ${awayS.toFixed(1)} s, ${clusters.length} agents Active ${seconds.toFixed(1)} s after it listened; ${acknowledged.length}/40 in-flight writes acknowledged, 0 lost; rollout completed after the restart`);
  expect(seconds).toBeLessThan(AGENTS_BACK_S);
});

test("a page loaded while Postgres is down: 503 + Retry-After in the user's language, then the page itself recovers once Postgres is back", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: URL, ignoreHTTPSErrors: true });
  await context.addCookies([{ name: "outpost-locale", value: "zh-Hans", url: URL }]);
  const page = await context.newPage();
  expect((await page.request.post("/api/v1/session", { data: { username: "admin", password: PASSWORD } })).status()).toBe(200);
  await page.goto("/clusters");
  await expect(page.getByRole("heading", { name: "集群", exact: true })).toBeVisible();

  // Postgres crash-loops: whatever postmaster the supervisor starts is killed again, until
  // the page has been served during the outage.
  const pidFile = path.join(recordedPostgresRoot(DATA_DIR), "data", "postmaster.pid");
  const consolePid = consoleProcess!.child.pid;
  let killing = true;
  const killer = (async () => {
    while (killing) {
      const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]) : 0;
      if (pid > 0) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  await expect.poll(async () => (await api.get("/readyz")).status(), { timeout: 20_000, intervals: [100] }).toBe(503);
  const during = await page.goto("/clusters");
  killing = false;
  await killer;
  const backAt = Date.now();
  expect(during?.status()).toBe(503);
  expect(during?.headers()["retry-after"]).toBe("5");
  await expect(page.getByRole("alert")).toContainText("数据库不可用");

  // No reload from here: the outage page refreshes itself until the console page renders.
  await expect(page.getByRole("heading", { name: "集群", exact: true })).toBeVisible({ timeout: 90_000 });
  const seconds = (Date.now() - backAt) / 1000;
  expect(consoleProcess!.child.pid).toBe(consolePid);
  expect(consoleProcess!.child.exitCode).toBeNull();
  test.info().annotations.push({ type: "page recovered", description: `${seconds.toFixed(1)} s after Postgres was left alone` });
  console.info(`[figure] page during a Postgres outage: 503 + Retry-After (zh-Hans); the page rendered again ${seconds.toFixed(1)} s after Postgres was left to restart, same console process`);
  await context.close();
});
