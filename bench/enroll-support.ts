// Shared by the enrolment and idle-tunnel benchmarks (bench/enroll-1000.ts,
// bench/idle-tunnels-10k.ts): the real console in its own process (server.ts under tsx, as
// `npm start` runs it, from a private copy of the build), the simulator CLI in its own
// process, and a small logged-in client for the console API. /proc readings:
// enroll-proc-stats.ts; the console's inspector: enroll-inspect-console.ts.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import net from "node:net";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..");

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * A free loopback port below the ephemeral range (32768+ here): the simulator binds a
 * thousand ephemeral ports while the console starts, and one of them could take a port
 * picked by listening on 0 before the console binds it.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error("no free port in 20000-32000");
}

export interface ConsoleProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  caPem: string;
  password: string;
  /** The console's inspector WebSocket, when started with `--inspect`. */
  inspectorUrl(): string | undefined;
  /** Last 20 KB of console output (for failures). */
  tail(): string;
  /** Console log lines at WARN/ERROR so far, counted by message shape (digits and ids masked). */
  problems(): Map<string, number>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A private copy of the production build, so a `next build` started by someone else in the
 * shared checkout cannot pull the files from under a running benchmark. `<dir>` gets a copy
 * of `.next` (without its cache) and of server.ts (whose directory Next serves); every other
 * top-level entry is a symlink to the checkout. Waits (up to 5 min) for a build in progress.
 */
export async function snapshotBuild(dir: string): Promise<string> {
  const buildId = path.join(ROOT, ".next/BUILD_ID");
  const deadline = Date.now() + 300_000;
  for (;;) {
    const id = fs.existsSync(buildId) && !fs.existsSync(path.join(ROOT, ".next/lock")) ? fs.readFileSync(buildId, "utf8") : undefined;
    if (id) {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      fs.cpSync(path.join(ROOT, ".next"), path.join(dir, ".next"), { recursive: true, filter: (src) => path.basename(src) !== "cache" });
      const after = fs.existsSync(buildId) ? fs.readFileSync(buildId, "utf8") : undefined;
      if (after === id && fs.existsSync(path.join(dir, ".next/BUILD_ID"))) break;
    }
    if (Date.now() > deadline) throw new Error("no complete production build: run `npx next build` first");
    await sleep(2_000);
  }
  for (const entry of fs.readdirSync(ROOT)) {
    if (entry === ".next" || entry === ".git" || entry === "server.ts" || entry.startsWith(".outpost")) continue;
    fs.symlinkSync(path.join(ROOT, entry), path.join(dir, entry));
  }
  fs.copyFileSync(path.join(ROOT, "server.ts"), path.join(dir, "server.ts"));
  return dir;
}

/**
 * Starts the real console (server.ts under tsx, production Next build, from a private copy
 * of the build: {@link snapshotBuild}) on a free loopback port with a fresh data directory
 * (embedded Postgres unless `env.DATABASE_URL` is given), and fetches its CA from /cacerts.
 * Needs `npx next build` first.
 */
export async function startConsoleProcess(opts: { dataDir: string; env?: Record<string, string>; nodeArgs?: string[]; port?: number }): Promise<ConsoleProcess> {
  const root = await snapshotBuild(path.join(path.dirname(opts.dataDir), "console-root"));
  const port = opts.port ?? (await freePort());
  const password = "bench-admin-password-0123";
  fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o711 });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OUTPOST_DATA_DIR: opts.dataDir,
    OUTPOST_PORT: String(port),
    OUTPOST_BIND_ADDRESS: "127.0.0.1",
    OUTPOST_BOOTSTRAP_PASSWORD: password,
    OUTPOST_LOG_LEVEL: "info",
  };
  // Embedded Postgres unless the caller names a database (replicas share one).
  delete env.DATABASE_URL;
  Object.assign(env, opts.env);
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--require", "./scripts/register-server-only.cjs", "--import", "tsx", "server.ts"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const problems = new Map<string, number>();
  const partial = { out: "", err: "" };
  let inspectorUrl: string | undefined;
  const append = (from: "out" | "err") => (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
    inspectorUrl ??= /Debugger listening on (ws:\/\/\S+)/.exec(d.toString())?.[1];
    const lines = (partial[from] + d.toString()).split("\n");
    partial[from] = lines.pop() ?? "";
    for (const line of lines) {
      // The logger's WARN/ERROR lines, and route failures (error-response.ts → console.error).
      const m = / (WARN|ERROR) +(.*)$/.exec(line) ?? /^\[outpost\] (request) \S+ failed: (.*)$/.exec(line);
      if (!m) continue;
      const key = `${m[1]} ${m[2]!.replace(/\b[a-z0-9]{20,}\b/g, "<id>").replace(/\d+/g, "N").slice(0, 120)}`;
      problems.set(key, (problems.get(key) ?? 0) + 1);
    }
  };
  child.stdout!.on("data", append("out"));
  child.stderr!.on("data", append("err"));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`console did not start in 240 s:\n${output}`)), 240_000);
    const onData = () => {
      if (!output.includes("Outpost console:")) return;
      clearTimeout(timer);
      child.stdout!.off("data", onData);
      resolve();
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`console exited (${code}) during start:\n${output}`));
    });
  });
  const url = `https://127.0.0.1:${port}`;
  const caPem = (await request(url, { ca: undefined }, "GET", "/cacerts")).body;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    pid: child.pid!,
    url,
    caPem,
    password,
    tail: () => output,
    inspectorUrl: () => inspectorUrl,
    problems: () => problems,
    stop: async () => {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

const keepAlive = new https.Agent({ keepAlive: true, maxSockets: 64 });

function request(base: string, trust: { ca: string | undefined }, method: string, pathname: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      new URL(pathname, base),
      {
        method,
        agent: keepAlive,
        ...(trust.ca ? { ca: trust.ca } : { rejectUnauthorized: false }),
        headers: { ...headers, ...(data ? { "content-type": "application/json", "content-length": Buffer.byteLength(data) } : {}) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

/** The console API as admin (session cookie from POST /api/v1/session). */
export class ConsoleApi {
  private cookie = "";
  constructor(private readonly console: Pick<ConsoleProcess, "url" | "caPem" | "password">) {}

  async login(): Promise<void> {
    const reply = await request(this.console.url, { ca: this.console.caPem }, "POST", "/api/v1/session", { username: "admin", password: this.console.password });
    if (reply.status !== 200) throw new Error(`login answered ${reply.status}: ${reply.body}`);
    const setCookie = reply.headers["set-cookie"];
    this.cookie = (Array.isArray(setCookie) ? setCookie : [String(setCookie)]).map((c) => c.split(";")[0]).join("; ");
  }

  async call<T>(method: string, pathname: string, body?: unknown): Promise<T> {
    const reply = await request(this.console.url, { ca: this.console.caPem }, method, pathname, body, { cookie: this.cookie });
    if (reply.status >= 300) throw new Error(`${method} ${pathname} answered ${reply.status}: ${reply.body.slice(0, 300)}`);
    return JSON.parse(reply.body) as T;
  }

  /** POST /v3/connect/register as an agent would (no login); `localAddress` spreads source IPs. */
  async register(token: string, clusterId: string, localAddress?: string): Promise<Reply> {
    const data = JSON.stringify({ token, clusterId, agentVersion: "bench" });
    return new Promise((resolve, reject) => {
      const req = https.request(
        new URL("/v3/connect/register", this.console.url),
        { method: "POST", agent: keepAlive, ca: this.console.caPem, ...(localAddress ? { localAddress, agent: false } : {}), headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data) } },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
        },
      );
      req.on("error", reject);
      req.end(data);
    });
  }
}

/** What POST /api/v1/clusters gives back that the benches use. */
export interface CreatedCluster {
  id: string;
  name: string;
  token: string;
}

/**
 * Creates `n` clusters through `POST /api/v1/clusters` with `concurrency` requests in flight;
 * the registration token is read back from the returned manifest URL (`<token>_<id>.yaml`).
 */
export async function createClusters(api: ConsoleApi, prefix: string, n: number, concurrency: number): Promise<CreatedCluster[]> {
  const out: CreatedCluster[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const name = `${prefix}-${String(i + 1).padStart(5, "0")}`;
        const cluster = await api.call<{ id: string; importCommands: { manifestUrl: string } }>("POST", "/api/v1/clusters", { name, region: "bench" });
        const token = /\/v3\/import\/([0-9a-f]{64})_/.exec(cluster.importCommands.manifestUrl)?.[1];
        if (!token) throw new Error("no registration token in the manifest URL");
        out[i] = { id: cluster.id, name, token };
      }
    }),
  );
  return out;
}

export interface SimProcess {
  child: ChildProcess;
  /** The simulator's admin endpoint (faults: POST /clusters/<name>/faults). */
  adminUrl: string;
  clusters: { name: string; server: string; kubeconfig: string }[];
  stop(): Promise<void>;
}

/** Starts the simulator CLI in its own process; resolves once it printed `ready:`. */
export function startSimulatorProcess(args: string[], kubeconfigDir: string): Promise<SimProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "sim/cli.ts"), ...args, "--kubeconfig-dir", kubeconfigDir], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (!/^ready:/m.test(out)) return;
      child.stdout!.off("data", onData);
      child.stdout!.resume();
      const clusters = out
        .split("\n")
        .map((line) => line.split("\t"))
        .filter((f) => f.length === 3)
        .map(([name, server, kubeconfig]) => ({ name: name!, server: server!, kubeconfig: kubeconfig! }));
      resolve({
        child,
        adminUrl: /^admin: (\S+)/m.exec(out)?.[1] ?? "",
        clusters,
        stop: async () => {
          child.kill("SIGTERM");
          const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
          await exited;
          clearTimeout(timer);
        },
      });
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`simulator exited ${code}: ${out.slice(-2000)}`)));
  });
}
