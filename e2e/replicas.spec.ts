// Journey: Outpost as a service — three console replicas behind a TCP load balancer on
// one PostgreSQL, ten simulated clusters imported through the balancer. Requests reach a
// cluster whatever replica they land on (forwarded to the replica holding its tunnel),
// a live list on one replica sees a change made through another, a killed replica's
// clusters come back through the others, and a rolling restart keeps every cluster Active.
import { execFile } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import { promisify } from "node:util";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import type { EmbeddedPostgres } from "../lib/server/db/embedded-postgres";
import type { TCluster } from "../lib/shared/clusters/clusters.schema";
import { queryReplicaDb, startReplica, startReplicaDatabase, type Replica } from "./support/console-replicas";
import { E2E_PORT } from "./support/console-process";
import { kubeconfigOf, runImportCommand, startSimulatedFleet, waitForClusterState, type SimulatedFleet } from "./support/simulated-clusters";
import { startTcpBalancer, type TcpBalancer } from "./support/tcp-balancer";

const run = promisify(execFile);
const PASSWORD = "replica-journey-admin-pw";
const CLUSTERS = Array.from({ length: 10 }, (_, i) => `replica-site-${String(i + 1).padStart(2, "0")}`);

test.describe.configure({ mode: "serial" });
test.use({ storageState: { cookies: [], origins: [] } });

let db: EmbeddedPostgres;
let lb: TcpBalancer;
let fleet: SimulatedFleet;
let shared: { databaseUrl: string; serverUrl: string; password: string };
const replicas: Replica[] = ["a", "b", "c"].map((name, i) => ({ id: `replica-${name}`, port: E2E_PORT + 21 + i }));
const [A, B, C] = replicas as [Replica, Replica, Replica];
const clusterIds: string[] = [];

async function apiOn(port: number): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL: `https://localhost:${port}`, ignoreHTTPSErrors: true });
  const res = await api.post("/api/v1/session", { data: { username: "admin", password: PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  return api;
}

async function leases(): Promise<Map<string, string>> {
  const rows = await queryReplicaDb<{ clusterId: string; replicaId: string }>(shared.databaseUrl, `SELECT "clusterId", "replicaId" FROM tunnel_leases WHERE "expiresAt" > (now() AT TIME ZONE 'UTC')`);
  return new Map(rows.map((r) => [r.clusterId, r.replicaId]));
}

async function notActive(): Promise<number> {
  const rows = await queryReplicaDb<{ n: string }>(shared.databaseUrl, `SELECT count(*) AS n FROM clusters WHERE state <> 'active' AND id = ANY($1)`, [clusterIds]);
  return Number(rows[0]?.n ?? -1);
}

/** Clusters Active with a live lease on one of `holders` — what "Active again via B/C" means. */
async function heldBy(holders: Replica[]): Promise<number> {
  const held = await leases();
  const ok = new Set(holders.map((r) => r.id));
  return clusterIds.filter((id) => ok.has(held.get(id) ?? "")).length - (await notActive());
}

test.beforeAll(async () => {
  // Three console starts and ten imports: up to 7 minutes on a machine at load 20.
  test.setTimeout(480_000);
  db = await startReplicaDatabase();
  lb = await startTcpBalancer(replicas.map((r) => r.port));
  shared = { databaseUrl: db.url, serverUrl: `https://localhost:${lb.port}`, password: PASSWORD };
  // Two replicas start at once on the empty database (migrations and the first admin race).
  await Promise.all([startReplica(A, shared), startReplica(B, shared)]);
  await startReplica(C, shared);
  fleet = await startSimulatedFleet(CLUSTERS.map((name) => ({ name })));
  const api = await apiOn(lb.port);
  // Ten agents start at once on two shared cores: allow them more than one cluster's time.
  const imported = await Promise.all(
    CLUSTERS.map(async (name) => {
      const res = await api.post("/api/v1/clusters", { data: { name } });
      expect(res.status(), await res.text()).toBe(201);
      const cluster = (await res.json()) as TCluster;
      await runImportCommand(cluster.importCommands?.curlInsecure ?? cluster.importCommands?.kubectl ?? "", kubeconfigOf(fleet, name));
      return waitForClusterState(api, cluster.id, "active", 120_000);
    }),
  );
  clusterIds.push(...imported.map((c) => c.id));
  await api.dispose();
});

test.afterAll(async () => {
  // Each replica's log, for whoever reads a failure.
  for (const r of replicas) if (r.process) fs.writeFileSync(test.info().outputPath(`${r.id}.log`), r.process.output());
  await fleet?.stop();
  for (const r of replicas) await r.process?.stop().catch(() => undefined);
  await lb?.close();
  await db?.stop();
});

test("two replicas started at once create one admin and serve one CA", async () => {
  const admins = await queryReplicaDb<{ n: string }>(shared.databaseUrl, `SELECT count(*) AS n FROM users`);
  expect(Number(admins[0]?.n)).toBe(1);
  const cas = await Promise.all(replicas.map(async (r) => (await (await apiOn(r.port)).get("/cacerts")).text()));
  expect(cas[0]).toContain("BEGIN CERTIFICATE");
  expect(new Set(cas).size).toBe(1);
  // The balancer spread the agents: more than one replica holds tunnels.
  expect(new Set((await leases()).values()).size).toBeGreaterThan(1);
});

test("kubectl through replica C reaches a cluster whose tunnel another replica holds", async () => {
  const held = await leases();
  const clusterId = clusterIds.find((id) => held.get(id) && held.get(id) !== C.id);
  expect(clusterId, "a cluster held by A or B").toBeDefined();
  const api = await apiOn(C.port);
  const token = (await (await api.post("/api/v1/tokens", { data: { name: "replica-journey", ttlDays: 1 } })).json()) as { token: string };
  const { stdout } = await run("kubectl", ["--server", `https://localhost:${C.port}/k8s/clusters/${clusterId}`, "--token", token.token, "--insecure-skip-tls-verify", "get", "pods", "-n", "kube-system"], { timeout: 30_000 });
  expect(stdout).toMatch(/^NAME\s+READY\s+STATUS/m);
  expect(stdout).toMatch(/coredns-\S+\s+1\/1\s+Running/);
});

test("a live pod list on replica B sees a pod deleted through replica C", async () => {
  const held = await leases();
  const clusterId = clusterIds.find((id) => held.get(id) === A.id) ?? clusterIds.find((id) => held.get(id) !== B.id)!;
  const viaC = await apiOn(C.port);
  const pods = (await (await viaC.get(`/api/v1/clusters/${clusterId}/pods?namespace=kube-system`)).json()) as { items: Array<{ name: string; namespace: string }> };
  const victim = pods.items.find((p) => p.name.startsWith("coredns-"));
  expect(victim, JSON.stringify(pods).slice(0, 500)).toBeDefined();
  const viaB = await apiOn(B.port);
  const cookie = (await viaB.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const events: string[] = [];
  const deleted = new Promise<void>((resolve, reject) => {
    const req = https.get(
      { host: "localhost", port: B.port, path: `/api/v1/clusters/${clusterId}/watch?resource=pods&namespace=kube-system`, headers: { cookie, accept: "text/event-stream" }, rejectUnauthorized: false },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`watch answered ${res.statusCode}`));
        res.setEncoding("utf8").on("data", (chunk: string) => {
          events.push(chunk);
          if (/DELETED/.test(chunk) && chunk.includes(victim!.name)) {
            req.destroy();
            resolve();
          }
        });
        // The watch is open: delete through the third replica.
        void viaC.delete(`/api/v1/clusters/${clusterId}/pods/kube-system/${victim!.name}`).then((r) => expect(r.status()).toBeLessThan(300));
      },
    );
    req.on("error", (e) => (e.message === "socket hang up" ? undefined : reject(e)));
    setTimeout(() => reject(new Error(`no DELETED event in 20 s:\n${events.join("").slice(-2000)}`)), 20_000).unref();
  });
  await deleted;
});

/** One request to a replica from the loopback address `from` (the limits count per client address). */
function fromAddress(port: number, from: string, method: "GET" | "POST", path: string, body?: unknown): Promise<{ status: number; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = https.request(
      { host: "127.0.0.1", port, method, path, localAddress: from, rejectUnauthorized: false, headers: payload ? { "content-type": "application/json" } : {} },
      (res) => {
        res.resume().on("end", () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"] }));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

test("the manifest and refused-enrolment limits hold across replicas (counted in PostgreSQL)", async () => {
  // 30 manifest fetches a minute per address: 15 through A and 15 through B use them up on C too.
  const manifest = [];
  for (let i = 0; i < 30; i++) manifest.push((await fromAddress(i % 2 ? A.port : B.port, "127.0.0.71", "GET", `/v3/import/nope_${clusterIds[0]}.yaml`)).status);
  expect(manifest).toEqual(Array(30).fill(400));
  const limitedManifest = await fromAddress(C.port, "127.0.0.71", "GET", `/v3/import/nope_${clusterIds[0]}.yaml`);
  expect(limitedManifest.status).toBe(429);
  expect(Number(limitedManifest.retryAfter)).toBeGreaterThan(0);
  // 60 refused enrolments a minute per address, spread over A and B; the 61st is refused on C.
  const refused = [];
  for (let i = 0; i < 60; i++) refused.push((await fromAddress(i % 2 ? A.port : B.port, "127.0.0.72", "POST", "/v3/connect/register", { token: "f".repeat(64) })).status);
  expect(refused).toEqual(Array(60).fill(400));
  expect((await fromAddress(C.port, "127.0.0.72", "POST", "/v3/connect/register", { token: "f".repeat(64) })).status).toBe(429);
  // Another address is not affected.
  expect((await fromAddress(C.port, "127.0.0.73", "GET", `/v3/import/nope_${clusterIds[0]}.yaml`)).status).toBe(400);
});

test("killing replica A: its clusters are Active again through B and C within 15 s", async () => {
  const onA = [...(await leases()).values()].filter((r) => r === A.id).length;
  const started = Date.now();
  A.process!.child.kill("SIGKILL");
  await expect.poll(() => heldBy([B, C]), { timeout: 15_000, intervals: [250] }).toBe(clusterIds.length);
  test.info().annotations.push({ type: "failover", description: `${onA} clusters moved off the killed replica in ${Date.now() - started} ms` });
});

test("a rolling restart of all three replicas keeps every cluster Active", async () => {
  // Four console starts: about a minute on a quiet machine, up to a minute each under load.
  test.setTimeout(480_000);
  await startReplica(A, shared);
  let worst = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      worst = Math.max(worst, await notActive());
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  for (const r of [B, C, A]) {
    await r.process!.stop();
    await startReplica(r, shared);
  }
  sampling = false;
  await sampler;
  expect(worst).toBe(0);
  await expect.poll(() => heldBy(replicas), { timeout: 15_000 }).toBe(clusterIds.length);
});
