// Kiosk mode left running: opens /fleet?kiosk=1 in Chromium against a fleet that keeps
// changing (2,000 synthetic clusters whose numbers are rewritten every 2 s + 10 live ones),
// rotating groups every 5 s, and samples the page's memory through CDP every 30 s after a
// forced GC, for `--minutes` (default 10).
//   node --require ./scripts/register-server-only.cjs --import tsx bench/fleet-kiosk-memory.ts [--minutes 10]
import { chromium } from "@playwright/test";
import { startFleetHarness } from "./fleet-harness";

const MINUTES = Number(process.argv[process.argv.indexOf("--minutes") + 1]) || 10;

async function main(): Promise<void> {
  const h = await startFleetHarness({ synthetic: 2_000, live: 10, env: { OUTPOST_FLEET_PUSH_SECONDS: "5" } });
  const { prisma } = await import("../lib/server/db/prisma");
  // Churn: 50 random synthetic clusters change their numbers every 2 s, so every delta carries rows.
  const churn = setInterval(() => {
    void prisma.$executeRaw`UPDATE fleet_snapshots SET "podsFailing" = (random() * 5)::int, "changedAt" = now()
      WHERE "clusterId" IN (SELECT id FROM clusters WHERE id LIKE 'syn-%' ORDER BY random() LIMIT 50)`.catch(() => undefined);
  }, 2_000);

  const browser = await chromium.launch({ executablePath: process.env.OUTPOST_CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1920, height: 1080 } });
  const [name, value] = h.cookie.split(";")[0]!.split("=");
  await context.addCookies([{ name: name!, value: value!, url: h.url }]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.goto(`${h.url}/fleet?kiosk=1&rotate=5`);
  await page.getByTestId("kiosk-group").waitFor();

  const samples: Array<{ minute: number; heapMiB: number; nodes: number; listeners: number; frames: number }> = [];
  const sample = async (minute: number) => {
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const s = { minute, heapMiB: Math.round(((m.JSHeapUsedSize ?? 0) / 2 ** 20) * 100) / 100, nodes: m.Nodes ?? 0, listeners: m.JSEventListeners ?? 0, frames: m.Frames ?? 0 };
    samples.push(s);
    console.log(JSON.stringify(s));
  };
  const started = Date.now();
  await sample(0);
  while (Date.now() - started < MINUTES * 60_000) {
    await new Promise((r) => setTimeout(r, 30_000));
    await sample(Math.round(((Date.now() - started) / 60_000) * 10) / 10);
  }
  const heap = samples.map((s) => s.heapMiB);
  const status = await page.getByTestId("stream-status").getAttribute("data-status");
  console.log(
    JSON.stringify({
      date: new Date().toISOString(),
      minutes: MINUTES,
      heapMiB: { first: heap[0], last: heap.at(-1), max: Math.max(...heap), min: Math.min(...heap) },
      domNodes: { first: samples[0]?.nodes, last: samples.at(-1)?.nodes },
      listeners: { first: samples[0]?.listeners, last: samples.at(-1)?.listeners },
      streamStatus: status,
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
