// The fleet wall left running: opens /fleet?kiosk=1 in Chromium at 1920×1080 on a fleet
// that keeps changing (`--clusters` synthetic clusters, 10,000 by default, `--churn` of
// them rewritten every 5 s, + 3 live simulated ones; the stream pushes every 5 s), and for
// `--minutes` (default 30) records every frame's duration in the page (a histogram, so the
// recorder itself stays flat), long tasks, and the page's memory through CDP every 30 s
// after a forced GC, with the resident memory (RSS, /proc) of the page's renderer, of all
// Chromium processes and of this process (the console). Prints one JSON line per sample
// and a summary: memory of the first 5 minutes against the last 5, and the load average.
//   node --require ./scripts/register-server-only.cjs --import tsx bench/fleet-kiosk-memory.ts [--minutes 30] [--clusters 10000] [--churn 50]
import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { startFleetHarness } from "./fleet-harness";

const { values } = parseArgs({ options: { minutes: { type: "string", default: "30" }, clusters: { type: "string", default: "10000" }, churn: { type: "string", default: "50" } } });
const MINUTES = Number(values.minutes);
const CLUSTERS = Number(values.clusters);
const CHURN = Number(values.churn);

/** Installed in the page: frame durations (1 ms buckets up to 1 s) and long tasks, without growing. */
const RECORDER = `(() => {
  const buckets = new Uint32Array(1001);
  let last = 0, frames = 0, longTasks = 0, longTaskMs = 0;
  const tick = (t) => { if (last) { buckets[Math.min(1000, Math.round(t - last))]++; frames++; } last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => { for (const e of list.getEntries()) { longTasks++; longTaskMs += e.duration; } }).observe({ type: "longtask", buffered: false });
  window.__wallFrames = () => {
    const at = (q) => { let n = 0; const want = q * frames; for (let i = 0; i < buckets.length; i++) { n += buckets[i]; if (n >= want) return i; } return 1000; };
    let max = 0; for (let i = 0; i < buckets.length; i++) if (buckets[i]) max = i;
    return { frames, p50: at(0.5), p95: at(0.95), p99: at(0.99), p999: at(0.999), max, over50: buckets.slice(51).reduce((a, b) => a + b, 0), longTasks, longTaskMs: Math.round(longTaskMs) };
  };
})();`;

const load = () => os.loadavg().map((l) => Math.round(l * 100) / 100);
const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** Every process below `root` (Chromium runs as a child of this process), with its command line and RSS in bytes. */
function descendants(root: number): Array<{ pid: number; cmd: string; rss: number }> {
  const all = fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d)).flatMap((d) => {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const rssPages = Number(fs.readFileSync(`/proc/${d}/statm`, "utf8").split(" ")[1]);
      return [{ pid: Number(d), ppid, cmd: fs.readFileSync(`/proc/${d}/cmdline`, "utf8").replaceAll("\0", " "), rss: rssPages * 4096 }];
    } catch {
      return []; // exited meanwhile
    }
  });
  const out: Array<{ pid: number; cmd: string; rss: number }> = [];
  const walk = (pid: number) => { for (const p of all.filter((x) => x.ppid === pid)) { out.push(p); walk(p.pid); } };
  walk(root);
  return out;
}

/** RSS of the renderer(s), of all Chromium processes, and of this (console) process, in MiB. */
function rss(): { rendererMiB: number; chromiumMiB: number; consoleMiB: number } {
  const chromium = descendants(process.pid).filter((p) => /chrom/i.test(p.cmd));
  return {
    rendererMiB: mib(chromium.filter((p) => p.cmd.includes("--type=renderer")).reduce((a, p) => a + p.rss, 0)),
    chromiumMiB: mib(chromium.reduce((a, p) => a + p.rss, 0)),
    consoleMiB: mib(process.memoryUsage().rss),
  };
}

async function main(): Promise<void> {
  const loadAtStart = load();
  const h = await startFleetHarness({ synthetic: CLUSTERS, live: 3, env: { OUTPOST_FLEET_PUSH_SECONDS: "5" } });
  const { prisma } = await import("../lib/server/db/prisma");
  // Churn: CHURN random synthetic clusters change their numbers every 5 s, so every delta carries rows.
  const churn = setInterval(() => {
    void prisma.$executeRaw`UPDATE fleet_snapshots SET "podsFailing" = (random() * 5)::int, "nodesReady" = GREATEST(0, "nodesTotal" - (random() * 1.3)::int), "collectedAt" = now(), "changedAt" = now()
      WHERE "clusterId" IN (SELECT id FROM clusters WHERE id LIKE 'syn-%' ORDER BY random() LIMIT ${CHURN})`.catch(() => undefined);
  }, 5_000);

  const browser = await chromium.launch({ executablePath: process.env.OUTPOST_CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1920, height: 1080 } });
  const [name, value] = h.cookie.split(";")[0]!.split("=");
  await context.addCookies([{ name: name!, value: value!, url: h.url }]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const opened = Date.now();
  await page.goto(`${h.url}/fleet?kiosk=1`);
  const canvas = page.getByTestId("wall-canvas");
  await page.waitForFunction((n) => Number(document.querySelector("[data-testid=wall-canvas]")?.getAttribute("data-cells") ?? 0) >= n, CLUSTERS, { timeout: 120_000 });
  const firstPaintMs = Date.now() - opened;
  await page.evaluate(RECORDER);

  const samples: Array<{ minute: number; heapMiB: number; rendererMiB: number; chromiumMiB: number; consoleMiB: number; nodes: number; listeners: number; cells: number; load: number[] }> = [];
  const sample = async (minute: number) => {
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const s = { minute, heapMiB: Math.round(((m.JSHeapUsedSize ?? 0) / 2 ** 20) * 100) / 100, nodes: m.Nodes ?? 0, ...rss(), listeners: m.JSEventListeners ?? 0, cells: Number(await canvas.getAttribute("data-cells")), load: load() };
    samples.push(s);
    // Frame figures so far with every sample, so an interrupted run still tells.
    console.log(JSON.stringify({ ...s, frames: await page.evaluate("window.__wallFrames()") }));
  };
  const started = Date.now();
  await sample(0);
  while (Date.now() - started < MINUTES * 60_000) {
    await new Promise((r) => setTimeout(r, Math.min(30_000, Math.max(1_000, MINUTES * 60_000 - (Date.now() - started)))));
    await sample(Math.round(((Date.now() - started) / 60_000) * 10) / 10);
  }
  const frames = (await page.evaluate("window.__wallFrames()")) as Record<string, number>;
  const heap = samples.map((s) => s.heapMiB);
  // Flat = the second half's heap is within 10 % of the first half's (after GC).
  const half = Math.floor(heap.length / 2);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  // First 5 minutes against the last 5 (means of the samples in each window, after GC).
  const window = Math.min(5, MINUTES / 2);
  const early = samples.filter((s) => s.minute <= window);
  const late = samples.filter((s) => s.minute >= MINUTES - window);
  const compare = (key: "heapMiB" | "rendererMiB" | "chromiumMiB" | "consoleMiB") => {
    const first = Math.round(mean(early.map((s) => s[key])) * 10) / 10;
    const last = Math.round(mean(late.map((s) => s[key])) * 10) / 10;
    return { first5min: first, last5min: last, changePct: first ? Math.round(((last - first) / first) * 1000) / 10 : null };
  };
  console.log(
    JSON.stringify({
      date: new Date().toISOString(),
      minutes: MINUTES,
      clusters: CLUSTERS,
      churnPer5s: CHURN,
      firstPaintMs,
      frames,
      heapMiB: { first: heap[0], last: heap.at(-1), max: Math.max(...heap), min: Math.min(...heap), firstHalfMean: Math.round(mean(heap.slice(0, half)) * 100) / 100, secondHalfMean: Math.round(mean(heap.slice(half)) * 100) / 100 },
      memoryFirstVsLast5min: { heap: compare("heapMiB"), renderer: compare("rendererMiB"), chromium: compare("chromiumMiB"), console: compare("consoleMiB") },
      domNodes: { first: samples[0]?.nodes, last: samples.at(-1)?.nodes, max: Math.max(...samples.map((s) => s.nodes)) },
      listeners: { first: samples[0]?.listeners, last: samples.at(-1)?.listeners },
      cellsLast: samples.at(-1)?.cells,
      streamStatus: await page.getByTestId("stream-status").getAttribute("data-status"),
      loadavg: { start: loadAtStart, middle: samples[Math.floor(samples.length / 2)]?.load, end: load() },
      cpus: os.cpus().length,
    }),
  );
  clearInterval(churn);
  await browser.close();
  await h.stop();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
