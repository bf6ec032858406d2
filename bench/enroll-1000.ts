// bench/enroll-1000.ts — N simulated clusters enrolling at once with the real agent code:
// time until every cluster is Active, per-cluster times, and what it costs the console.
//
//   npx next build   # once: the console runs its production build
//   npx tsx bench/enroll-1000.ts [--clusters 1000] [--create-concurrency 16] [--settle-s 20] [--no-fleet] [--nice=-20] [--start-rate 0] [--profile]
//
// --nice=N renices the three processes (and Postgres) so that on a shared machine the
// benchmark gets the CPU it would have alone; the run-queue wait of the console's event
// loop is printed either way. --start-rate R starts R agents per second instead of all at
// once (a diagnostic: what the console sustains when arrivals are paced). --profile starts
// the console with --inspect and samples its CPU for the first 20 s of enrolment.
//
// Three processes: the real console (server.ts, embedded Postgres; measured alone from
// /proc), the simulator CLI (N clusters, scenario k3s), and this process running N real
// agents in-process (`runAgent` from agent/src, one config and state dir each, configured
// exactly like the docker import command: --server --token --ca-checksum --kubeconfig).
// Setup (not measured): simulator start, console start, N × POST /api/v1/clusters.
// Measured: from the moment all agents start (each: GET /cacerts, POST /v3/connect/register,
// WSS /v3/connect, hello) until `GET /api/v1/clusters?state=active` counts N.
// Figures go to docs/PERFORMANCE.md "## Enrollment and tunnels".
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { caChecksum } from "@/agent/src/verify-ca-checksum";
import { createLogger } from "@/agent/src/logger";
import { resolveConfig } from "@/agent/src/resolve-config";
import { runAgent } from "@/agent/src/run-agent";
import { profileConsole } from "./enroll-inspect-console";
import { applyNice, descendantsCpuMs, machineLine, procSample, resetPeakRss } from "./enroll-proc-stats";
import { ConsoleApi, createClusters, mib, percentile, secs, startConsoleProcess, startSimulatorProcess, type ConsoleProcess, type SimProcess } from "./enroll-support";

const { values } = parseArgs({
  options: {
    clusters: { type: "string", default: "1000" },
    "create-concurrency": { type: "string", default: "16" },
    "settle-s": { type: "string", default: "20" },
    "deadline-s": { type: "string", default: "300" },
    "no-fleet": { type: "boolean", default: false },
    nice: { type: "string", default: "0" },
    "start-rate": { type: "string", default: "0" },
    profile: { type: "boolean", default: false },
  },
});
const N = Number(values.clusters);
const DEADLINE_MS = Number(values["deadline-s"]) * 1000;
/** The agents' environment: no in-cluster variables, health endpoint off (N agents, one port). */
const AGENT_ENV: NodeJS.ProcessEnv = { NODE_ENV: "production", OUTPOST_HEALTH_PORT: "0" };

/** Per-agent milestones (ms after the common start), from the agent's own log events. */
interface AgentTrace {
  enrolled?: number;
  tunnelUp?: number;
  warnings: Map<string, number>;
  fatal?: string;
}

function traceLogger(trace: AgentTrace, t0: () => number) {
  return createLogger((line) => {
    const entry = JSON.parse(line) as { level: string; event: string; error?: string };
    const at = Date.now() - t0();
    if (entry.event === "enrolled") trace.enrolled = at;
    else if (entry.event === "tunnel up") trace.tunnelUp ??= at;
    else if (entry.level !== "info") {
      const key = `${entry.event}${entry.error ? ` (${entry.error.replace(/\d{4,}/g, "N").slice(0, 80)})` : ""}`;
      trace.warnings.set(key, (trace.warnings.get(key) ?? 0) + 1);
    }
  });
}

function summary(label: string, xs: number[]): string {
  return `${label}: p50 ${secs(percentile(xs, 50))}, p95 ${secs(percentile(xs, 95))}, max ${secs(Math.max(...xs))} (n=${xs.length})`;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-bench-enroll-"));
  fs.chmodSync(dir, 0o711); // the embedded Postgres runs as user postgres when we are root
  let sim: SimProcess | undefined;
  let consoleProc: ConsoleProcess | undefined;
  const controllers: AbortController[] = [];
  try {
    console.log(machineLine());
    const setup0 = Date.now();
    const fleetEnv: Record<string, string> = values["no-fleet"] ? { OUTPOST_HEALTH_INTERVAL_SECONDS: "3600" } : {};
    // Both start at once; allSettled so a failure of one never leaves the other running.
    const [simStart, consoleStart] = await Promise.allSettled([
      startSimulatorProcess(["--clusters", String(N), "--scenario", "k3s"], path.join(dir, "kube")),
      startConsoleProcess({ dataDir: path.join(dir, "console"), env: fleetEnv, nodeArgs: values.profile ? ["--inspect=127.0.0.1:0"] : [] }),
    ]);
    if (simStart.status === "fulfilled") sim = simStart.value;
    if (consoleStart.status === "fulfilled") consoleProc = consoleStart.value;
    if (!sim || !consoleProc) throw simStart.status === "rejected" ? simStart.reason : (consoleStart as PromiseRejectedResult).reason;
    if (values.nice !== "0" && !applyNice([process.pid, sim.child.pid!, consoleProc.pid], Number(values.nice))) console.log(`could not apply nice ${values.nice}`);
    console.log(`setup: simulator (${sim.clusters.length} clusters) and console started in ${secs(Date.now() - setup0)}; fleet collector ${values["no-fleet"] ? "off" : "on (defaults)"}`);
    const api = new ConsoleApi(consoleProc);
    await api.login();
    const create0 = Date.now();
    const created = await createClusters(api, "enroll", N, Number(values["create-concurrency"]));
    const createMs = Date.now() - create0;
    console.log(`setup: ${N} × POST /api/v1/clusters in ${secs(createMs)} = ${((N * 1000) / createMs).toFixed(0)} clusters/s (concurrency ${values["create-concurrency"]})`);

    const checksum = caChecksum(consoleProc.caPem);
    let t0 = 0;
    const traces: AgentTrace[] = [];
    const configs = created.map((cluster, i) => {
      const stateDir = path.join(dir, "agents", cluster.name);
      fs.mkdirSync(stateDir, { recursive: true });
      // The docker import command's flags, as the agent's own parser reads them.
      const argv = ["--server", consoleProc!.url, "--token", cluster.token, "--ca-checksum", checksum, "--kubeconfig", sim!.clusters[i]!.kubeconfig, "--state-dir", stateDir];
      return resolveConfig(argv, AGENT_ENV);
    });

    const pid = consoleProc.pid;
    resetPeakRss(pid);
    const before = { console: procSample(pid), db: descendantsCpuMs(pid), self: process.cpuUsage(), sim: procSample(sim.child.pid!) };
    t0 = Date.now();
    const rate = Number(values["start-rate"]);
    const runs = configs.map(async (config, i) => {
      const trace: AgentTrace = { warnings: new Map() };
      traces.push(trace);
      const controller = new AbortController();
      controllers.push(controller);
      if (rate > 0) await new Promise((resolve) => setTimeout(resolve, (i * 1000) / rate));
      return runAgent(config, AGENT_ENV, traceLogger(trace, () => t0), controller.signal).catch((error: unknown) => {
        trace.fatal = error instanceof Error ? error.message : String(error);
      });
    });

    const profile = values.profile ? profileConsole(consoleProc, 20_000) : undefined;
    let active = 0;
    let polls = 0;
    while (active < N && Date.now() - t0 < DEADLINE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      active = (await api.call<{ total: number }>("GET", "/api/v1/clusters?state=active&limit=1")).total;
      polls++;
      if (polls % 20 === 0) console.log(`  t=${secs(Date.now() - t0)}: ${active} active, ${traces.filter((t) => t.tunnelUp !== undefined).length} tunnels up, console RSS ${mib(procSample(pid).rss)}`);
    }
    const allActiveMs = Date.now() - t0;
    const after = { console: procSample(pid), db: descendantsCpuMs(pid), self: process.cpuUsage(before.self), sim: procSample(sim.child.pid!) };
    if (active < N) console.log(`NOT DONE: ${active}/${N} active after ${secs(allActiveMs)}`);

    // Per-cluster time to Active: the console stores stateSince when it derives Active.
    const since = new Map<string, number>();
    const facts = { withVersion: 0, withNodes: 0 };
    for (let offset = 0; offset < N; offset += 500) {
      const page = await api.call<{ items: { name: string; state: string; stateSince: string | null; kubernetesVersion: string | null; nodeCount: number | null }[] }>(
        "GET",
        `/api/v1/clusters?q=enroll-&limit=500&offset=${offset}`,
      );
      for (const c of page.items) {
        if (c.state === "active" && c.stateSince) since.set(c.name, new Date(c.stateSince).getTime() - t0);
        if (c.kubernetesVersion) facts.withVersion++;
        if (c.nodeCount === 3) facts.withNodes++;
      }
    }
    const cpuConsole = after.console.cpuMs - before.console.cpuMs;
    const cpuDb = after.db - before.db;
    console.log(`\nRESULT ${N} clusters enrolling ${rate > 0 ? `paced at ${rate} agent starts/s` : "at once"} (target < 60 s):`);
    console.log(`  all Active after ${secs(allActiveMs)} (first poll that counted ${active}; last stateSince ${secs(Math.max(...since.values()))}) = ${((N * 1000) / allActiveMs).toFixed(1)} enrolments/s`);
    console.log(`  ${summary("time to Active per cluster (stateSince − start)", [...since.values()])}`);
    console.log(`  ${summary("agent: credential stored (cacerts + register)", traces.flatMap((t) => (t.enrolled === undefined ? [] : [t.enrolled])))}`);
    console.log(`  ${summary("agent: tunnel up", traces.flatMap((t) => (t.tunnelUp === undefined ? [] : [t.tunnelUp])))}`);
    console.log(`  reports stored: ${facts.withVersion}/${N} with kubernetesVersion, ${facts.withNodes}/${N} with nodeCount 3`);
    const warnings = new Map<string, number>();
    for (const t of traces) for (const [k, v] of t.warnings) warnings.set(k, (warnings.get(k) ?? 0) + v);
    console.log(`  agent warnings: ${warnings.size ? [...warnings].map(([k, v]) => `${k} ×${v}`).join(", ") : "none"}; fatal: ${traces.filter((t) => t.fatal).length}`);
    const problems = [...consoleProc.problems()].sort((a, b) => b[1] - a[1]).slice(0, 6);
    console.log(`  console log WARN/ERROR: ${problems.length ? problems.map(([k, v]) => `${k} ×${v}`).join("; ") : "none"}`);
    console.log(`  console process: CPU ${secs(cpuConsole)} (${((cpuConsole / allActiveMs) * 100).toFixed(0)} % of one core; its event loop waited ${secs(after.console.runqueueMs - before.console.runqueueMs)} for a CPU), peak RSS ${mib(after.console.hwm)} (RSS at start ${mib(before.console.rss)}, now ${mib(after.console.rss)})`);
    console.log(`  console's Postgres (live descendants): CPU ${secs(cpuDb)}`);
    console.log(`  agents process (this one, ${N} agents): CPU ${secs((after.self.user + after.self.system) / 1000)}, RSS ${mib(process.memoryUsage().rss)}; simulator: CPU ${secs(after.sim.cpuMs - before.sim.cpuMs)}, RSS ${mib(after.sim.rss)}`);

    if (profile) console.log(`  console CPU profile, first 20 s of enrolment:\n${(await profile).join("\n")}`);

    // Steady state: N Active clusters (state monitor probing each every 5 s, fleet collector).
    const settleMs = Number(values["settle-s"]) * 1000;
    const s0 = { console: procSample(pid), db: descendantsCpuMs(pid) };
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const s1 = { console: procSample(pid), db: descendantsCpuMs(pid) };
    const stillActive = (await api.call<{ total: number }>("GET", "/api/v1/clusters?state=active&limit=1")).total;
    console.log(
      `  steady state over ${secs(settleMs)} with ${stillActive} Active: console CPU ${(((s1.console.cpuMs - s0.console.cpuMs) / settleMs) * 100).toFixed(1)} % of one core, Postgres ${(((s1.db - s0.db) / settleMs) * 100).toFixed(1)} %, RSS ${mib(s1.console.rss)}`,
    );
    for (const c of controllers) c.abort();
    await Promise.race([Promise.all(runs), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  } finally {
    for (const c of controllers) c.abort();
    await consoleProc?.stop();
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
