// Harness of the explorer benchmarks (not a benchmark itself): the real console (server.ts,
// production build, embedded Postgres) in THIS process and one simulated cluster with many
// pods in a child simulator process, attached through a real tunnel + the agent's proxy
// (test/helpers/attach-sim-cluster). Requests go over real HTTPS to the console.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Agent, fetch } from "undici";
import YAML from "yaml";

export const ADMIN_PASSWORD = "bench-admin-password-2026";
const ROOT = path.resolve(__dirname, "..");
export const insecure = new Agent({ connect: { rejectUnauthorized: false }, connections: 512 });

export interface ExplorerHarness {
  url: string;
  cookie: string;
  clusterId: string;
  kubeconfig: string;
  consoleStreams(): number;
  /** Bytes the console has received through this cluster's tunnel so far. */
  tunnelBytesIn(): number;
  get(pathname: string, init?: { signal?: AbortSignal }): Promise<Response>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startSim(pods: number, dir: string): Promise<{ child: ChildProcess; kubeconfig: string; name: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "sim/cli.ts", "--clusters", "1", "--scenario", "k3s,demo", "--pods-per-cluster", String(pods), "--kubeconfig-dir", dir, "--name-prefix", "bench-"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`simulator did not start:\n${out}`)), 300_000);
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (/^ready: /m.test(out)) {
        clearTimeout(timer);
        const line = out.split("\n").find((l) => l.split("\t").length === 3)!;
        resolve({ child, name: line.split("\t")[0]!, kubeconfig: line.split("\t")[2]! });
      }
    });
    child.once("exit", (code) => reject(new Error(`simulator exited ${code}:\n${out}`)));
  });
}

/** Starts the console and one simulated cluster with `pods` extra pods, attached as cluster "bench". */
export async function startExplorerHarness(pods: number): Promise<ExplorerHarness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-xbench-"));
  fs.chmodSync(dataDir, 0o711); // embedded Postgres runs as user postgres when we are root
  const port = await freePort();
  Object.assign(process.env, {
    OUTPOST_DATA_DIR: dataDir,
    OUTPOST_PORT: String(port),
    OUTPOST_BIND_ADDRESS: "127.0.0.1",
    OUTPOST_BOOTSTRAP_PASSWORD: ADMIN_PASSWORD,
    OUTPOST_LOG_LEVEL: process.env.OUTPOST_LOG_LEVEL ?? "warn",
    NODE_ENV: "production",
  });
  delete process.env.DATABASE_URL;
  const { startConsole } = await import("../server");
  const handle = await startConsole();
  const url = `https://localhost:${port}`;
  const { prisma } = await import("../lib/server/db/prisma");
  const { attachSimCluster } = await import("../test/helpers/attach-sim-cluster");
  const kubeDir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-xbench-kube-"));
  const sim = await startSim(pods, kubeDir);
  const kc = YAML.parse(fs.readFileSync(sim.kubeconfig, "utf8")) as { clusters: Array<{ cluster: { server: string; "certificate-authority-data": string } }>; users: Array<{ user: { token: string } }> };
  const clusterId = "bench";
  await prisma.cluster.create({ data: { id: clusterId, name: sim.name, displayName: sim.name, state: "active", connectedAt: new Date(), lastSeenAt: new Date() } });
  const caPem = Buffer.from(kc.clusters[0]!.cluster["certificate-authority-data"], "base64").toString();
  const attached = await attachSimCluster(clusterId, { server: kc.clusters[0]!.cluster.server, caPem, token: kc.users[0]!.user.token });

  const login = await fetch(`${url}/api/v1/session`, { method: "POST", headers: { "content-type": "application/json", origin: url }, body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }), dispatcher: insecure });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return {
    url,
    cookie,
    clusterId,
    kubeconfig: sim.kubeconfig,
    consoleStreams: () => attached.consoleSession.stats().openStreams,
    tunnelBytesIn: () => attached.consoleSession.stats().bytesIn,
    get: async (pathname, init = {}) => (await fetch(`${url}${pathname}`, { headers: { cookie }, dispatcher: insecure, signal: init.signal })) as unknown as Response,
    stop: async () => {
      await attached.detach().catch(() => undefined);
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
