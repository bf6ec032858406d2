// bench/idle-tunnels-10k.ts — N idle agent tunnels held by one console process: its RSS,
// bytes per tunnel, and the CPU it spends keeping N clusters Active (the state monitor probes
// GET /readyz through every tunnel every 5 s).
//
//   npx next build   # once: the console runs its production build
//   npx tsx bench/idle-tunnels-10k.ts [--tunnels 10000] [--children 2] [--steady-s 30] [--protocol 2] [--nice=-20] [--profile]
//
// --protocol: the control protocol the clients speak (docs/TUNNEL.md "Control protocol"). 1 =
// an older agent: the console probes /readyz through every tunnel every 5 s and both ends
// ping. 2 (default) = today's agent: each client reports `readiness` once after connect (its
// apiserver is always ready here) and pings; the console opens no probe stream and sends no ping.
//
// --restart: after the steady window, restart the console (same data, same port) and time
// until every tunnel is back and every cluster Active. Idle overhead per tunnel is printed
// from the clients' side (tunnel frame bytes, and TLS bytes on the wire from /proc/self/io).
//
// --nice=N: see bench/enroll-1000.ts (priority on a shared machine). --profile samples the
// console's CPU (V8 profiler through its inspector) for 20 s of the connect phase and for
// 10 s after the steady-state window, and prints where it goes.
//
// The console is the real one (server.ts, embedded Postgres) in its own process, started
// with `--inspect=127.0.0.1:0` so the bench can force a GC there and read its heap. Its fleet
// health collector is parked (OUTPOST_HEALTH_INTERVAL_SECONDS=3600): these clients have no
// apiserver behind them, and the collector's cost is issue 7's (bench/fleet-*).
// Setup over HTTP, no shortcuts: N × POST /api/v1/clusters, N × POST /v3/connect/register
// (source addresses spread over 127.0.0.2… so the per-IP enrolment limit of 2,000/min does
// not turn setup into 5 minutes of waiting — as N sites behind N/1,000 NATs would).
// Clients: `--children` processes, each holding its share of real `ws` connections opened by
// the agent's own connectTunnel (credential, pinned CA) with the real agent-side
// TunnelSession; each stream is fed to a tiny HTTP responder answering /readyz (no kube proxy).
// Figures go to docs/PERFORMANCE.md "## Enrollment and tunnels".
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { TunnelSession } from "@/lib/tunnel";
import { consoleMemoryAfterGc, profileConsole } from "./enroll-inspect-console";
import { applyNice, descendantsCpuMs, machineLine, procSample } from "./enroll-proc-stats";
import { ask, forEachLimited, keepFakeAgent, runBench, sleep, spawnClientChildren, type Credential } from "./fake-agents";
import { ConsoleApi, createClusters, mib, percentile, secs, startConsoleProcess, type ConsoleProcess } from "./enroll-support";

const { values } = parseArgs({
  options: {
    tunnels: { type: "string", default: "10000" },
    children: { type: "string", default: "2" },
    "steady-s": { type: "string", default: "30" },
    "create-concurrency": { type: "string", default: "16" },
    "source-ips": { type: "string", default: "10" },
    nice: { type: "string", default: "0" },
    profile: { type: "boolean", default: false },
    restart: { type: "boolean", default: false },
    protocol: { type: "string", default: "2" },
    child: { type: "boolean", default: false },
    creds: { type: "string" },
    server: { type: "string" },
    ca: { type: "string" },
  },
});
const N = Number(values.tunnels);

/** Bytes this process passed to read/write syscalls (its tunnels' TLS bytes on the wire, and IPC). */
function ioBytes(): number {
  const io = fs.readFileSync("/proc/self/io", "utf8");
  return Number(/rchar: (\d+)/.exec(io)?.[1] ?? 0) + Number(/wchar: (\d+)/.exec(io)?.[1] ?? 0);
}

/**
 * Child: hold one tunnel per credential, answer /readyz on every stream, report over IPC. A
 * closed tunnel is reconnected as the agent does (keepFakeAgent: the agent's own backoff).
 */
async function runClients(): Promise<void> {
  const creds = JSON.parse(fs.readFileSync(values.creds!, "utf8")) as Credential[];
  const server = values.server!;
  const trust = { ca: fs.readFileSync(values.ca!, "utf8") };
  const protocol = Number(values.protocol);
  let readyz = 0;
  let closed = 0;
  let reconnects = 0;
  const responder = http.createServer((req, res) => {
    if (req.url === "/readyz") readyz++;
    res.writeHead(req.url === "/readyz" ? 200 : 404, { "content-type": "text/plain" }).end(req.url === "/readyz" ? "ok" : "not found");
  });
  responder.on("clientError", (_e, socket) => socket.destroy());
  const open = new Set<TunnelSession>();
  const failures: string[] = [];
  const connectMs: number[] = [];
  const events = {
    onOpen: (session: TunnelSession, reconnect: boolean) => {
      open.add(session);
      if (reconnect) reconnects++;
    },
    onClose: (session: TunnelSession) => {
      open.delete(session);
      closed++;
    },
  };
  const hold = (cred: Credential) => keepFakeAgent(server, cred, trust, protocol, responder, events);
  const t0 = Date.now();
  await forEachLimited(creds, 64, async (cred) => {
    const started = Date.now();
    try {
      await hold(cred);
      connectMs.push(Date.now() - started);
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  });
  process.send!({ type: "connected", ok: open.size, failed: failures.length, firstFailure: failures[0], ms: Date.now() - t0, p50: percentile(connectMs, 50), p95: percentile(connectMs, 95) });
  process.on("message", (msg: { type: string }) => {
    if (msg.type !== "stats") return;
    let frameBytes = 0;
    for (const s of open) frameBytes += s.stats().bytesIn + s.stats().bytesOut;
    process.send!({ type: "stats", open: open.size, closed, reconnects, readyz, rss: process.memoryUsage().rss, frameBytes, ioBytes: ioBytes() });
  });
}

async function registerAll(api: ConsoleApi, clusters: { id: string; token: string }[], sourceIps: number): Promise<Credential[]> {
  const out: Credential[] = new Array(clusters.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < clusters.length) {
        const i = next++;
        const cluster = clusters[i]!;
        for (;;) {
          const reply = await api.register(cluster.token, cluster.id, `127.0.0.${2 + (i % sourceIps)}`);
          if (reply.status === 429) {
            await new Promise((resolve) => setTimeout(resolve, Number(reply.headers["retry-after"] ?? 1) * 1000));
            continue;
          }
          if (reply.status !== 200) throw new Error(`register answered ${reply.status}: ${reply.body.slice(0, 200)}`);
          out[i] = JSON.parse(reply.body) as Credential;
          break;
        }
      }
    }),
  );
  return out;
}


async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-bench-idle-"));
  fs.chmodSync(dir, 0o711); // the embedded Postgres runs as user postgres when we are root
  let consoleProc: ConsoleProcess | undefined;
  const children: ChildProcess[] = [];
  try {
    console.log(machineLine());
    consoleProc = await startConsoleProcess({ dataDir: path.join(dir, "console"), env: { OUTPOST_HEALTH_INTERVAL_SECONDS: "3600" }, nodeArgs: ["--inspect=127.0.0.1:0"] });
    const pid = consoleProc.pid;
    const nice = Number(values.nice);
    if (nice !== 0 && !applyNice([process.pid, pid], nice)) console.log(`could not apply nice ${nice}`);
    const api = new ConsoleApi(consoleProc);
    await api.login();
    let t = Date.now();
    const created = await createClusters(api, "idle", N, Number(values["create-concurrency"]));
    console.log(`setup: ${N} × POST /api/v1/clusters in ${secs(Date.now() - t)} = ${((N * 1000) / (Date.now() - t)).toFixed(0)}/s`);
    t = Date.now();
    const creds = await registerAll(api, created, Number(values["source-ips"]));
    console.log(`setup: ${N} × POST /v3/connect/register in ${secs(Date.now() - t)} = ${((N * 1000) / (Date.now() - t)).toFixed(0)}/s (32 in flight, ${values["source-ips"]} source IPs)`);

    await sleep(5_000);
    const base = { ...(await consoleMemoryAfterGc(consoleProc)), proc: procSample(pid) };
    console.log(`console before tunnels (after GC): RSS ${mib(base.proc.rss)}, heap ${mib(base.heapUsed)}, external+arrayBuffers ${mib(base.external)}`);

    t = Date.now();
    const started = spawnClientChildren({ script: __filename, dir, creds, count: Number(values.children), server: consoleProc.url, caPem: consoleProc.caPem, extraArgs: ["--protocol", String(values.protocol)] });
    children.push(...started);
    if (nice !== 0) applyNice(started.map((child) => child.pid!), nice);
    const connected = started.map((child) => ask<{ ok: number; failed: number; firstFailure?: string; ms: number; p50: number; p95: number }>(child, "connected"));
    const connectProfile = values.profile ? profileConsole(consoleProc, 20_000) : undefined;
    const results = await Promise.all(connected);
    const ok = results.reduce((a, r) => a + r.ok, 0);
    console.log(`tunnels: ${ok}/${N} connected in ${secs(Date.now() - t)} (64 connects in flight per child; per connect p50 ${results.map((r) => r.p50).join("/")} ms, p95 ${results.map((r) => r.p95).join("/")} ms)${results.some((r) => r.failed) ? `; failed ${results.reduce((a, r) => a + r.failed, 0)}: ${results.find((r) => r.firstFailure)?.firstFailure}` : ""}`);

    let active = 0;
    while (active < N && Date.now() - t < 600_000) {
      await sleep(1_000);
      active = (await api.call<{ total: number }>("GET", "/api/v1/clusters?state=active&limit=1")).total;
    }
    console.log(`${active}/${N} Active ${secs(Date.now() - t)} after the first connect`);

    // Steady state: N Active clusters, probed every 5 s; RSS settles over the window.
    const steadyMs = Number(values["steady-s"]) * 1000;
    const stats = () => Promise.all(children.map((c) => ask<{ open: number; closed: number; reconnects: number; readyz: number; rss: number; frameBytes: number; ioBytes: number }>(c, "stats", "stats")));
    const s0 = { proc: procSample(pid), db: descendantsCpuMs(pid), clients: await stats(), at: Date.now() };
    const rssSamples: number[] = [];
    while (Date.now() - s0.at < steadyMs) {
      await sleep(1_000);
      rssSamples.push(procSample(pid).rss);
    }
    const s1 = { proc: procSample(pid), db: descendantsCpuMs(pid), clients: await stats(), at: Date.now() };
    const windowMs = s1.at - s0.at;
    const probes = s1.clients.reduce((a, c) => a + c.readyz, 0) - s0.clients.reduce((a, c) => a + c.readyz, 0);
    const stillActive = (await api.call<{ total: number }>("GET", "/api/v1/clusters?state=active&limit=1")).total;
    const gc = await consoleMemoryAfterGc(consoleProc);
    const settled = percentile(rssSamples.slice(-10), 50);
    const tunnels = s1.clients.reduce((a, c) => a + c.open, 0);

    console.log(`\nRESULT ${tunnels} idle tunnels on one console, control protocol ${values.protocol} (target RSS < 2 GiB):`);
    console.log(`  console RSS settled (median of the last 10 s) ${mib(settled)}; after a forced GC ${mib(gc.rss)}; peak over the window ${mib(Math.max(...rssSamples))}`);
    console.log(`  per tunnel: RSS ${((gc.rss - base.rss) / tunnels / 1024).toFixed(1)} KiB (GC'd RSS delta), ${((settled - base.proc.rss) / tunnels / 1024).toFixed(1)} KiB (settled RSS delta); JS heap ${((gc.heapUsed - base.heapUsed) / tunnels / 1024).toFixed(1)} KiB, external ${((gc.external - base.external) / tunnels / 1024).toFixed(1)} KiB`);
    console.log(`  keeping them Active: console CPU ${(((s1.proc.cpuMs - s0.proc.cpuMs) / windowMs) * 100).toFixed(1)} % of one core, its Postgres ${(((s1.db - s0.db) / windowMs) * 100).toFixed(1)} %; /readyz probes answered ${((probes * 1000) / windowMs).toFixed(0)}/s (${Number(values.protocol) >= 2 ? "0" : (tunnels / 5).toFixed(0)}/s expected); ${stillActive} still Active; tunnels closed ${s1.clients.reduce((a, c) => a + c.closed, 0)}`);
    const sum = (list: typeof s1.clients, key: "frameBytes" | "ioBytes" | "closed" | "reconnects") => list.reduce((a, c) => a + c[key], 0);
    const perTunnelPerS = (key: "frameBytes" | "ioBytes") => ((sum(s1.clients, key) - sum(s0.clients, key)) * 1000) / windowMs / tunnels;
    console.log(`  tunnel overhead while idle: ${perTunnelPerS("frameBytes").toFixed(1)} B/s per tunnel in tunnel frames (both directions), ${perTunnelPerS("ioBytes").toFixed(1)} B/s per tunnel on the wire (TLS bytes the clients read and wrote); reconnects ${sum(s1.clients, "reconnects")}`);
    console.log(`  clients: ${s1.clients.map((c) => mib(c.rss)).join(" + ")} RSS in ${started.length} processes`);
    if (values.restart) {
      // Console restart: SIGTERM (tunnels closed with 1001), start again on the same data and
      // port; the clients reconnect as agents do. Measured until every tunnel is back and every
      // cluster Active.
      const stopAt = Date.now();
      await consoleProc.stop();
      consoleProc = await startConsoleProcess({ dataDir: path.join(dir, "console"), env: { OUTPOST_HEALTH_INTERVAL_SECONDS: "3600" }, nodeArgs: ["--inspect=127.0.0.1:0"], port: Number(new URL(consoleProc.url).port) });
      const upAt = Date.now();
      const api2 = new ConsoleApi(consoleProc);
      await api2.login();
      let back = { open: 0, active: 0 };
      while ((back.open < N || back.active < N) && Date.now() - upAt < 300_000) {
        await sleep(1_000);
        back = { open: (await stats()).reduce((a, c) => a + c.open, 0), active: (await api2.call<{ total: number }>("GET", "/api/v1/clusters?state=active&limit=1")).total };
      }
      console.log(`  console restart: down ${secs(upAt - stopAt)} (SIGTERM → listening again); ${back.open}/${N} tunnels back and ${back.active}/${N} Active ${secs(Date.now() - upAt)} after it listened (target < 60 s)`);
    }
    if (connectProfile) {
      console.log(`  console CPU profile, first 20 s of the connect phase:\n${(await connectProfile).join("\n")}`);
      console.log(`  console CPU profile, 10 s of steady state:\n${(await profileConsole(consoleProc, 10_000)).join("\n")}`);
    }
  } finally {
    // Console first: it closes every tunnel itself, instead of seeing N agents vanish.
    await consoleProc?.stop();
    for (const child of children) child.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

runBench(Boolean(values.child), runClients, main);
