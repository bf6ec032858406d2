// Fleet dashboard at scale: 10,000 synthetic clusters in Postgres + 200 live simulated ones
// attached through real tunnels, the real console in this process. Measures the summary and
// list APIs (p95), 50 SSE dashboards against the hub's reads, the collector's pass, and the
// first paint of /fleet in Chromium.
//   node --require ./scripts/register-server-only.cjs --import tsx bench/fleet-scale.ts [--synthetic 10000] [--live 200]
// Needs a production build (npm run build) and the agent bundle (npm run build:agent).
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { chromium } from "@playwright/test";
import { fetch } from "undici";
import { percentiles, startFleetHarness, insecure, type FleetHarness } from "./fleet-harness";

const arg = (name: string, def: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1] || def) || def;
const SYNTHETIC = process.argv.includes("--synthetic") ? arg("synthetic", 10_000) : 10_000;
const LIVE = process.argv.includes("--live") ? arg("live", 200) : 200;
const PUSH_SECONDS = 5;

async function timeGets(h: FleetHarness, path: string, n: number): Promise<ReturnType<typeof percentiles>> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await h.api(path);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    samples.push(performance.now() - t);
  }
  return percentiles(samples);
}

async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await check()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`timed out: ${what}`);
}

async function sseDashboards(h: FleetHarness, n: number, intervals: number) {
  const { getFleetStreamHub } = await import("../lib/server/fleet/fleet-stream-hub");
  const controllers: AbortController[] = [];
  const frames = new Array<number>(n).fill(0);
  let bytes = 0;
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const ctl = new AbortController();
      controllers.push(ctl);
      const res = await fetch(`${h.url}/api/v1/fleet/stream`, { headers: { cookie: h.cookie }, dispatcher: insecure, signal: ctl.signal });
      const reader = res.body!.getReader();
      void (async () => {
        for (;;) {
          const r = await reader.read().catch(() => ({ done: true, value: undefined }));
          if (r.done) return;
          bytes += r.value!.byteLength;
          frames[i]! += (new TextDecoder().decode(r.value).match(/^event: /gm) ?? []).length;
        }
      })();
    }),
  );
  const hub = getFleetStreamHub();
  const readsBefore = hub.reads;
  const start = Date.now();
  await new Promise((r) => setTimeout(r, intervals * PUSH_SECONDS * 1000 + 500));
  const reads = hub.reads - readsBefore;
  const seconds = (Date.now() - start) / 1000;
  const subscribers = hub.size;
  for (const c of controllers) c.abort();
  return { dashboards: n, subscribers, seconds: Math.round(seconds * 10) / 10, hubReads: reads, readsPerInterval: Math.round((reads / (seconds / PUSH_SECONDS)) * 100) / 100, framesPerDashboard: percentiles(frames), kbTotal: Math.round(bytes / 1024) };
}

async function firstPaint(h: FleetHarness, runs: number) {
  const browser = await chromium.launch({ executablePath: process.env.OUTPOST_CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1920, height: 1080 } });
  const [name, value] = h.cookie.split(";")[0]!.split("=");
  await context.addCookies([{ name: name!, value: value!, url: h.url }]);
  const fcp: number[] = [];
  const rows: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const page = await context.newPage();
    const t = Date.now();
    await page.goto(`${h.url}/fleet`);
    await page.locator('[data-testid^="fleet-row-"]').first().waitFor({ timeout: 30_000 });
    const rowsMs = Date.now() - t;
    const paint = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1);
    if (i > 0) {
      // The first load warms the server's route caches; it is reported separately.
      fcp.push(paint);
      rows.push(rowsMs);
    } else console.log(`  cold load: FCP ${Math.round(paint)} ms, rows ${rowsMs} ms`);
    await page.close();
  }
  await browser.close();
  return { fcp: percentiles(fcp), firstRowsVisible: percentiles(rows) };
}

async function main(): Promise<void> {
  const started = Date.now();
  const loop = monitorEventLoopDelay({ resolution: 20 });
  loop.enable();
  const h = await startFleetHarness({ synthetic: SYNTHETIC, live: LIVE, scenarios: process.env.BENCH_SCENARIOS ?? "k3s", env: { OUTPOST_FLEET_PUSH_SECONDS: String(PUSH_SECONDS) } });
  console.log(`console up with ${SYNTHETIC} synthetic + ${LIVE} live clusters in ${Math.round((Date.now() - started) / 1000)} s`);
  const { prisma } = await import("../lib/server/db/prisma");
  const { lastFleetPass } = await import("../lib/server/fleet/start-fleet-collector");
  let tick = 0;
  const collected = await until(
    async () => {
      const fresh = await prisma.fleetSnapshot.count({ where: { clusterId: { in: h.liveIds }, error: null, collectedAt: { gt: new Date(Date.now() - 40_000) } } });
      if (++tick % 15 === 0) {
        const active = await prisma.cluster.count({ where: { id: { in: h.liveIds }, state: "active" } });
        console.log(`  …${fresh}/${LIVE} live fresh, ${active} Active, event-loop delay p99 ${Math.round(loop.percentile(99) / 1e6)} ms, last pass ${JSON.stringify(lastFleetPass())}`);
      }
      return fresh === LIVE;
    },
    600_000,
    "live clusters collected",
  );
  console.log(`all ${LIVE} live clusters collected ${Math.round(collected / 1000)} s after start`);
  // Let the state monitor settle the synthetic clusters (no agents: they turn Unavailable) and the alerts fire.
  let last = "";
  let same = 0;
  await until(async () => {
    const states = JSON.stringify(await prisma.cluster.groupBy({ by: ["state"], _count: true, orderBy: { state: "asc" } }));
    const alerts = await prisma.fleetAlert.count({ where: { resolvedAt: null } });
    const now = `${states} ${alerts}`;
    same = now === last ? same + 1 : 0;
    last = now;
    return same >= 20; // unchanged for 20 s (Unavailable alerts fire a minute after the state flips)
  }, 400_000, "states and alerts to settle");
  console.log(`settled: ${last}`);

  loop.reset();
  const { readFleetChanges } = await import("../lib/server/fleet/read-fleet-changes");
  const fullReads: number[] = [];
  const quietReads: number[] = [];
  let known = new Map<string, string>();
  for (let i = 0; i < 10; i++) {
    let t = performance.now();
    const all = await readFleetChanges(new Map(), 15_000);
    fullReads.push(performance.now() - t);
    known = new Map(all.changed.map((c) => [c.row.id, c.sig]));
    t = performance.now();
    await readFleetChanges(known, 15_000);
    quietReads.push(performance.now() - t);
  }
  const results = {
    hubReadAllRows: percentiles(fullReads),
    hubReadChangesOnly: percentiles(quietReads),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    date: new Date().toISOString(),
    clusters: { synthetic: SYNTHETIC, live: LIVE },
    summaryApi: await timeGets(h, "/api/v1/fleet/summary", 200),
    clustersPage: await timeGets(h, "/api/v1/fleet/clusters?sort=state&limit=100", 100),
    clustersGrouped: await timeGets(h, "/api/v1/fleet/clusters?group=region&sort=failingPods&dir=desc&limit=100", 50),
    clustersSearch: await timeGets(h, "/api/v1/fleet/clusters?q=syn-0999&limit=100", 50),
    fleetSearch: await timeGets(h, "/api/v1/fleet/search?q=coredns&limit=50", 50),
    alerts: await timeGets(h, "/api/v1/fleet/alerts?limit=100", 50),
    collectorPass: lastFleetPass(),
    sse: await sseDashboards(h, 50, 4),
    firstPaint: await firstPaint(h, 5),
    eventLoopDelayMs: { p50: Math.round(loop.percentile(50) / 1e6), p99: Math.round(loop.percentile(99) / 1e6), max: Math.round(loop.max / 1e6) },
    memoryMiB: { rss: Math.round(process.memoryUsage().rss / 2 ** 20), heapUsed: Math.round(process.memoryUsage().heapUsed / 2 ** 20) },
  };
  console.log(JSON.stringify(results, null, 2));
  await h.stop();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
