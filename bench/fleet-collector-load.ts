// Watch vs poll: what the health collector costs each cluster and the console. Runs the
// collector (real tunnels + agent proxy, simulated clusters, embedded Postgres) for the same
// time in each mode (after a warm-up of three passes) and counts apiserver requests (simulator audit), bytes through the
// tunnels, and the console's CPU time.
//   node --require ./scripts/register-server-only.cjs --import tsx bench/fleet-collector-load.ts [--clusters 20] [--seconds 120]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startSimulator } from "../sim";
import { startEmbeddedPostgres } from "../lib/server/db/embedded-postgres";
import { migrateDatabase } from "../lib/server/db/migrate-database";

const arg = (name: string, def: number) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : def);
const CLUSTERS = arg("clusters", 20);
const SECONDS = arg("seconds", 120);
const INTERVAL_MS = 15_000;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-collector-load-"));
  fs.chmodSync(dir, 0o711);
  const db = await startEmbeddedPostgres({ dataDir: dir });
  process.env.DATABASE_URL = db.url;
  await migrateDatabase(db.url, path.resolve(__dirname, ".."));
  const { prisma, disconnectPrisma } = await import("../lib/server/db/prisma");
  const { FleetCollector } = await import("../lib/server/fleet/fleet-collector");
  const { attachSimCluster } = await import("../test/helpers/attach-sim-cluster");
  const sim = await startSimulator({ clusters: CLUSTERS, scenarios: ["k3s", "demo"], port: 0, namePrefix: "load-" });
  const attached = [];
  for (const c of sim.clusters) {
    await prisma.cluster.create({ data: { id: c.name, name: c.name, displayName: c.name, state: "active" } });
    attached.push(await attachSimCluster(c.name, { server: c.server, caPem: c.caPem, token: c.token }));
  }

  const results: Record<string, unknown> = { clusters: CLUSTERS, seconds: SECONDS, intervalSeconds: INTERVAL_MS / 1000 };
  for (const mode of ["watch", "poll"] as const) {
    const collector = new FleetCollector({ intervalMs: INTERVAL_MS, mode, concurrency: 16, timeoutMs: 10_000, historyEveryMs: 300_000, retentionMs: 7 * 86_400_000, pushIntervalMs: 5_000 });
    // Warm-up (not counted): the first passes start the watches and list everything once.
    for (let i = 0; i < 3; i++) {
      const t = Date.now();
      await collector.runPass();
      await new Promise((r) => setTimeout(r, Math.max(0, INTERVAL_MS - (Date.now() - t))));
    }
    const audit0 = sim.clusters.reduce((n, c) => n + c.audit().length, 0);
    const bytes0 = attached.reduce((n, a) => n + a.consoleSession.stats().bytesIn + a.consoleSession.stats().bytesOut, 0);
    const cpu0 = process.cpuUsage();
    const started = Date.now();
    let passes = 0;
    let passMs = 0;
    const phases = { read: 0, probe: 0, write: 0, alerts: 0, prune: 0 };
    while (Date.now() - started < SECONDS * 1000) {
      const t = Date.now();
      const stats = await collector.runPass();
      passes++;
      passMs += stats.ms;
      for (const k of Object.keys(phases) as Array<keyof typeof phases>) phases[k] += stats.phases[k];
      await new Promise((r) => setTimeout(r, Math.max(0, INTERVAL_MS - (Date.now() - t))));
    }
    const cpu = process.cpuUsage(cpu0);
    const requests = sim.clusters.reduce((n, c) => n + c.audit().length, 0) - audit0;
    const bytes = attached.reduce((n, a) => n + a.consoleSession.stats().bytesIn + a.consoleSession.stats().bytesOut, 0) - bytes0;
    const minutes = SECONDS / 60;
    results[mode] = {
      passes,
      avgPassMs: Math.round(passMs / passes),
      avgPhaseMs: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v / passes)])),
      requestsPerClusterPerMinute: Math.round((requests / CLUSTERS / minutes) * 10) / 10,
      tunnelKiBPerClusterPerMinute: Math.round((bytes / 1024 / CLUSTERS / minutes) * 10) / 10,
      // Includes the simulator's and the in-process agent proxies' CPU: compare the modes, not the absolute value.
      processCpuSecondsPerMinute: Math.round(((cpu.user + cpu.system) / 1e6 / minutes) * 100) / 100,
      heapMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    };
    console.log(mode, JSON.stringify(results[mode]));
    await collector.stop();
  }
  console.log(JSON.stringify({ date: new Date().toISOString(), machine: `${os.cpus().length} × ${os.cpus()[0]?.model}`, ...results }, null, 2));
  for (const a of attached) await a.detach();
  await sim.stop();
  await disconnectPrisma();
  await db.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
