// bench/explorer-pods.ts — the explorer's pods list at scale, through the real console:
//   1. GET /api/v1/clusters/{id}/pods of a cluster with 5,000+ pods, cold (no informer: the
//      request lists upstream through the tunnel) and warm (served from the list's shared
//      informer, after the impersonated access check — the normal case while anyone looks);
//   2. 100 viewers of the same list, each as a browser does it (GET the list, then open the
//      SSE watch with its resourceVersion) → upstream watches opened (counted by the console
//      and as open tunnel streams), snapshots sent, and how long a change takes to reach all;
//   3. optionally (--browser) time to the first rendered row of the pods page in Chromium.
//
//   npx next build && node --require ./scripts/register-server-only.cjs --import tsx bench/explorer-pods.ts [--pods 5000] [--viewers 100] [--browser]
//
// Figures go to docs/PERFORMANCE.md "## Explorer".
import os from "node:os";
import { parseArgs } from "node:util";
import { percentiles, startExplorerHarness } from "./explorer-harness";

const { values } = parseArgs({ options: { pods: { type: "string", default: "5000" }, viewers: { type: "string", default: "100" }, requests: { type: "string", default: "40" }, browser: { type: "boolean", default: false } } });
const PODS = Number(values.pods);
const VIEWERS = Number(values.viewers);
const REQUESTS = Number(values.requests);

async function timeList(get: (p: string) => Promise<Response>, url: string, n: number): Promise<{ ms: number[]; bytes: number; items: number; stale: boolean }> {
  const ms: number[] = [];
  let bytes = 0;
  let items = 0;
  let stale = false;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await get(url);
    const text = await res.text();
    ms.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${text.slice(0, 200)}`);
    bytes = text.length;
    const body = JSON.parse(text) as { items: unknown[]; error: unknown; stale: boolean };
    if (body.error) throw new Error(`${url}: ${JSON.stringify(body.error)}`);
    items = body.items.length;
    stale = body.stale;
  }
  return { ms, bytes, items, stale };
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function main(): Promise<void> {
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  const h = await startExplorerHarness(PODS);
  const { watchHubStats } = await import("../lib/server/explorer/watch-hub");
  const url = `/api/v1/clusters/${h.clusterId}/pods`;
  const { configureWatchHub } = await import("../lib/server/explorer/watch-hub");
  // Until the cold figure is taken, every request starts (and drops) its own informer.
  configureWatchHub({ lingerMs: 0, readLingerMs: 0 });
  try {
    // Wait until the simulated kubelet has started every pod (lists are what a user sees).
    const deadline = Date.now() + 300_000;
    for (;;) {
      const body = (await (await h.get(url)).json()) as { items: Array<{ status: string }> };
      const running = body.items.filter((p) => p.status === "Running" || p.status === "Completed").length;
      if (body.items.length >= PODS && running >= body.items.length - 3) break;
      if (Date.now() > deadline) throw new Error(`pods not running: ${running}/${body.items.length}`);
      await new Promise((r) => setTimeout(r, 1000));
    }

    const cold = await timeList(h.get, url, Math.min(REQUESTS, 15));
    configureWatchHub({ lingerMs: 5_000, readLingerMs: 30_000 });
    console.log(`cold list (no informer: upstream list through the tunnel each time): ${cold.items} pods, ${(cold.bytes / 2 ** 20).toFixed(1)} MiB JSON, ${JSON.stringify(percentiles(cold.ms))} ms`);

    const before = watchHubStats().upstreamWatchesOpened;
    const streamsBefore = h.consoleStreams();
    const controllers: AbortController[] = [];
    const seen: Array<Set<string>> = [];
    const snapshots: boolean[] = [];
    const statuses: boolean[] = [];
    const t0 = performance.now();
    // Viewers arrive ten at a time (100 page loads in the same instant would measure TLS, not us).
    const join = async (i: number) => {
        const controller = new AbortController();
        controllers.push(controller);
        seen[i] = new Set();
        snapshots[i] = false;
        statuses[i] = false;
        const list = (await (await h.get(url)).json()) as { resourceVersion: string };
        const res = await h.get(`/api/v1/clusters/${h.clusterId}/watch?resource=pods&resourceVersion=${list.resourceVersion}`, { signal: controller.signal });
        const reader = res.body!.getReader();
        const decoder = new TextDecoder();
        let buf = "";
        void (async () => {
          for (;;) {
            const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
            if (chunk.done) return;
            buf += decoder.decode(chunk.value, { stream: true });
            let end: number;
            while ((end = buf.indexOf("\n\n")) >= 0) {
              const block = buf.slice(0, end);
              buf = buf.slice(end + 2);
              if (block.startsWith("event: snapshot")) snapshots[i] = true;
              if (block.startsWith("event: status")) statuses[i] = true;
              const m = /"event":"DELETED".*?"name":"([^"]+)"/.exec(block) ?? (block.startsWith("event: change") ? /"name":"([^"]+)"/.exec(block) : null);
              if (m?.[1]) seen[i]!.add(m[1]);
            }
          }
        })();
    };
    for (let i = 0; i < VIEWERS; i += 10) await Promise.all(Array.from({ length: Math.min(10, VIEWERS - i) }, (_, j) => join(i + j)));
    await waitFor(() => statuses.every(Boolean), 120_000, "every viewer's subscription");
    const subscribeMs = performance.now() - t0;
    const stats = watchHubStats();
    await new Promise((r) => setTimeout(r, 5_000)); // idle keep-alive streams of the lists close (4 s)
    console.log(
      `${VIEWERS} SSE viewers of one list: upstream watches opened ${stats.upstreamWatchesOpened - before}, open now ${stats.openUpstreamWatches}, informers ${stats.informers}, viewers ${stats.viewers}; tunnel streams open ${h.consoleStreams()} (before ${streamsBefore}); ${snapshots.filter(Boolean).length} snapshots sent; all listed + subscribed in ${Math.round(subscribeMs)} ms`,
    );

    await timeList(h.get, url, 3);
    const warm = await timeList(h.get, url, REQUESTS);
    console.log(`warm list (shared informer cache, access checked as the user): ${warm.items} pods, ${JSON.stringify(percentiles(warm.ms))} ms, stale=${warm.stale}`);

    // A change reaches every viewer: delete one pod through the explorer route.
    const list = (await (await h.get(`${url}?namespace=demo&labelSelector=app%3Dweb`)).json()) as { items: Array<{ name: string }> };
    const victim = list.items[0]!.name;
    const t1 = performance.now();
    const del = await fetch(`${h.url}/api/v1/clusters/${h.clusterId}/pods/demo/${victim}`, { method: "DELETE", headers: { cookie: h.cookie, origin: h.url }, dispatcher: (await import("./explorer-harness")).insecure } as RequestInit);
    if (del.status !== 200) throw new Error(`delete: ${del.status}`);
    await waitFor(() => seen.every((s) => s.has(victim)), 30_000, "the change at every viewer");
    console.log(`change fan-out: DELETE → first event for ${victim} at all ${VIEWERS} viewers in ${Math.round(performance.now() - t1)} ms`);

    if (values.browser) {
      const { chromium } = await import("@playwright/test");
      const browser = await chromium.launch({ executablePath: process.env.OUTPOST_CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
      const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1400, height: 900 } });
      await context.addCookies(h.cookie.split("; ").map((c) => ({ name: c.split("=")[0]!, value: c.slice(c.indexOf("=") + 1), url: h.url })));
      const page = await context.newPage();
      await page.goto(`${h.url}/clusters/${h.clusterId}/nodes`); // warm up the shell and the JS
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await page.goto(`${h.url}/clusters/${h.clusterId}/pods`);
        await page.locator("tbody tr[data-index]").first().waitFor({ timeout: 30_000 });
        samples.push(performance.now() - t);
      }
      const rendered = await page.locator("tbody tr[data-index]").count();
      console.log(`browser: pods page navigation → first row rendered ${JSON.stringify(percentiles(samples))} ms (${rendered} rows in the DOM of ${cold.items})`);
      await browser.close();
    }
    // List requests keep the informer 30 s (readLingerMs); viewers only 5 s after they leave.
    for (const c of controllers) c.abort();
    await waitFor(() => watchHubStats().viewers === 0, 20_000, "the viewers to leave");
    await waitFor(() => watchHubStats().informers === 0, 45_000, "the informer to stop after the last viewer and list request");
    console.log(`after the last viewer left: informers ${watchHubStats().informers}, open upstream watches ${watchHubStats().openUpstreamWatches}`);
  } finally {
    await h.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
