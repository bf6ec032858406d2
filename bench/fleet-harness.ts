// Benchmark harness of the fleet dashboard (not a benchmark itself): the real console
// (server.ts, production build, embedded Postgres) in THIS process, N synthetic clusters
// seeded straight into Postgres, and M simulated clusters in a child simulator process,
// each attached through a real tunnel + the agent's proxy (test/helpers/attach-sim-cluster)
// — in-process, because hundreds of agent processes would not fit the machine.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Agent, fetch } from "undici";
import YAML from "yaml";

export const ADMIN_PASSWORD = "bench-admin-password-2026";
const ROOT = path.resolve(__dirname, "..");

export interface FleetHarness {
  url: string;
  cookie: string;
  liveIds: string[];
  simNames: string[];
  sim: ChildProcess;
  /** GET/POST the console with the admin's cookie (TLS not verified: the console's own CA). */
  api(pathname: string, init?: { method?: string; body?: unknown }): Promise<Response>;
  stop(): Promise<void>;
}

export const insecure = new Agent({ connect: { rejectUnauthorized: false }, connections: 256 });

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startSimProcess(clusters: number, scenarios: string, dir: string, extraArgs: string[]): Promise<{ child: ChildProcess; clusters: Array<{ name: string; kubeconfig: string }> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "sim/cli.ts", "--clusters", String(clusters), "--scenario", scenarios, "--kubeconfig-dir", dir, "--name-prefix", "live-", ...extraArgs], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  const list = await new Promise<Array<{ name: string; kubeconfig: string }>>((resolve, reject) => {
    // Generous on a shared, loaded machine: a fixed 180 s failed 1,000 clusters at load 15–18.
    const timer = setTimeout(() => reject(new Error(`simulator did not start:\n${out}`)), 180_000 + clusters * 600);
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (/^ready: /m.test(out)) {
        clearTimeout(timer);
        resolve(out.split("\n").filter((l) => l.split("\t").length === 3).map((l) => ({ name: l.split("\t")[0]!, kubeconfig: l.split("\t")[2]! })));
      }
    });
    child.once("exit", (code) => reject(new Error(`simulator exited ${code}:\n${out}`)));
  });
  return { child, clusters: list };
}

interface KubeconfigYaml {
  clusters: Array<{ cluster: { server: string; "certificate-authority-data": string } }>;
  users: Array<{ user: { token: string } }>;
}

/**
 * Starts the console with `synthetic` seeded clusters and `live` simulated ones.
 * `env` sets fleet variables (e.g. OUTPOST_HEALTH_INTERVAL_SECONDS) before the start.
 */
export async function startFleetHarness(opts: { synthetic: number; live: number; scenarios?: string; env?: Record<string, string>; simArgs?: string[] }): Promise<FleetHarness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-bench-"));
  fs.chmodSync(dataDir, 0o711); // embedded Postgres runs as user postgres when we are root
  const port = await freePort();
  Object.assign(process.env, {
    OUTPOST_DATA_DIR: dataDir,
    OUTPOST_PORT: String(port),
    OUTPOST_BIND_ADDRESS: "127.0.0.1",
    OUTPOST_BOOTSTRAP_PASSWORD: ADMIN_PASSWORD,
    OUTPOST_LOG_LEVEL: process.env.OUTPOST_LOG_LEVEL ?? "warn",
    NODE_ENV: "production",
    ...opts.env,
  });
  delete process.env.DATABASE_URL;
  const { startConsole } = await import("../server");
  const handle = await startConsole();
  const url = `https://localhost:${port}`;
  const { seedSyntheticFleet } = await import("../lib/server/fleet/seed-synthetic-fleet");
  const { prisma } = await import("../lib/server/db/prisma");
  const { clusterRuntime } = await import("../lib/server/clusters/cluster-runtime-state");
  const { attachSimCluster } = await import("../test/helpers/attach-sim-cluster");
  if (opts.synthetic) await seedSyntheticFleet(opts.synthetic);

  const kubeDir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-bench-kube-"));
  const sim = await startSimProcess(Math.max(1, opts.live), opts.scenarios ?? "k3s,demo", kubeDir, opts.simArgs ?? []);
  // However the benchmark ends (an error, process.exit), the simulator child goes with it.
  process.once("exit", () => sim.child.kill("SIGKILL"));
  const attached: Array<{ detach(): Promise<void> }> = [];
  const liveIds: string[] = [];
  const attachOne = async (i: number, c: { name: string; kubeconfig: string }) => {
    const kc = YAML.parse(fs.readFileSync(c.kubeconfig, "utf8")) as KubeconfigYaml;
    const id = `live-${c.name}`;
    await prisma.cluster.create({
      data: { id, name: c.name, displayName: c.name, region: `live-${i % 4}`, site: `rack-${i % 10}`, labels: { env: "live" }, state: "active", connectedAt: new Date(), lastSeenAt: new Date() },
    });
    const caPem = Buffer.from(kc.clusters[0]!.cluster["certificate-authority-data"], "base64").toString();
    attached.push(await attachSimCluster(id, { server: kc.clusters[0]!.cluster.server, caPem, token: kc.users[0]!.user.token }));
    // What the tunnel gateway records when a real agent connects (the state monitor reads it).
    clusterRuntime(id).connected = true;
    liveIds.push(id);
  };
  // 8 at a time: attaching 1,000 one by one (RBAC applied to each) took minutes.
  const live = sim.clusters.slice(0, opts.live);
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < live.length) {
      const i = next++;
      await attachOne(i, live[i]!);
    }
  }));
  liveIds.sort();

  const login = await fetch(`${url}/api/v1/session`, { method: "POST", headers: { "content-type": "application/json", origin: url }, body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }), dispatcher: insecure });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return {
    url,
    cookie,
    liveIds,
    simNames: sim.clusters.map((c) => c.name),
    sim: sim.child,
    api: async (pathname, init = {}) =>
      (await fetch(`${url}${pathname}`, {
        method: init.method ?? "GET",
        headers: { cookie, origin: url, ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        dispatcher: insecure,
      })) as unknown as Response,
    stop: async () => {
      for (const a of attached) await a.detach().catch(() => undefined);
      sim.child.kill("SIGTERM");
      await handle.close("bench done");
      fs.rmSync(kubeDir, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** p50/p95/max of a list of milliseconds. */
export function percentiles(samples: number[]): { p50: number; p95: number; max: number; n: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { p50: Math.round(at(0.5) * 10) / 10, p95: Math.round(at(0.95) * 10) / 10, max: Math.round((s.at(-1) ?? 0) * 10) / 10, n: s.length };
}
