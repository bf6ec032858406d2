// Browser figures of the generic resource pages (issue 13), in real Chromium against the
// real console (production build) with one simulated cluster attached through a tunnel:
//   1. the pods list as the apiserver's Table (5,000 extra pods): navigation → first row;
//   2. 50,000 ConfigMaps in one namespace: navigation → first row, then scrolling the grid
//      to the end (a first page of 100 rows, then pages of 500 fetched with `continue` as the
//      grid nears its end) while the page measures its frame times.
// Each navigation is a full page load (the first page is read during the server render).
// Run (one benchmark at a time on the machine; write the load average beside the figures):
//   npx next build && node --require ./scripts/register-server-only.cjs --import tsx bench/resources-browser.ts [--pods 5000] [--configmaps 50000]
import { parseArgs } from "node:util";
import fs from "node:fs";
import os from "node:os";
import { fetch } from "undici";
import YAML from "yaml";
import { insecure, percentiles, startExplorerHarness, type ExplorerHarness } from "./explorer-harness";

const { values } = parseArgs({ options: { pods: { type: "string", default: "5000" }, configmaps: { type: "string", default: "50000" }, loads: { type: "string", default: "5" } } });
const PODS = Number(values.pods);
const CONFIGMAPS = Number(values.configmaps);
const LOADS = Number(values.loads);
const NAMESPACE = "bulk";

/** Creates `n` small ConfigMaps straight on the simulated apiserver (not through the console), 64 at a time. */
async function createConfigMaps(kubeconfig: string, n: number): Promise<number> {
  const kc = YAML.parse(fs.readFileSync(kubeconfig, "utf8")) as { clusters: Array<{ cluster: { server: string } }>; users: Array<{ user: { token: string } }> };
  const server = kc.clusters[0]!.cluster.server;
  const headers = { authorization: `Bearer ${kc.users[0]!.user.token}`, "content-type": "application/json" };
  const post = (path: string, body: unknown) => fetch(`${server}${path}`, { method: "POST", headers, body: JSON.stringify(body), dispatcher: insecure });
  await post("/api/v1/namespaces", { metadata: { name: NAMESPACE } });
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const res = await post(`/api/v1/namespaces/${NAMESPACE}/configmaps`, { metadata: { name: `cm-${String(i).padStart(5, "0")}`, labels: { batch: String(i % 10) } }, data: { index: String(i), site: "plant-7" } });
      if (res.status !== 201) throw new Error(`configmap ${i}: ${res.status} ${await res.text()}`);
      await res.body?.cancel();
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));
  return performance.now() - started;
}

async function main(): Promise<void> {
  console.log(`load average at start: ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")}`);
  const h: ExplorerHarness = await startExplorerHarness(PODS);
  try {
    const createMs = await createConfigMaps(h.kubeconfig, CONFIGMAPS);
    console.log(`created ${CONFIGMAPS} ConfigMaps in ${NAMESPACE} in ${Math.round(createMs)} ms`);
    const { chromium } = await import("@playwright/test");
    const browser = await chromium.launch({ executablePath: process.env.OUTPOST_CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
    const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1440, height: 900 } });
    await context.addCookies(h.cookie.split("; ").map((c) => ({ name: c.split("=")[0]!, value: c.slice(c.indexOf("=") + 1), url: h.url })));
    const page = await context.newPage();
    const firstRow = page.locator('[data-testid="resource-grid"] tbody tr[data-index]').first();
    await page.goto(`${h.url}/clusters/${h.clusterId}/resources`); // warm up the shell, the JS and discovery
    await page.getByRole("navigation").first().waitFor();

    for (const [what, url] of [
      [`pods, all namespaces (${PODS + 17} pods)`, `/clusters/${h.clusterId}/resources/core/v1/pods`],
      [`ConfigMaps in ${NAMESPACE} (${CONFIGMAPS})`, `/clusters/${h.clusterId}/resources/core/v1/configmaps?ns=${NAMESPACE}`],
    ] as const) {
      const samples: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        const t = performance.now();
        await page.goto(`${h.url}${url}`);
        await firstRow.waitFor({ timeout: 60_000 });
        samples.push(performance.now() - t);
      }
      console.log(`browser: ${what}: navigation → first row ${JSON.stringify(percentiles(samples))} ms`);
    }

    // Scroll the 50,000 ConfigMaps to the end, 400 px per frame, measuring frame intervals in the page.
    // The script is a string: tsx compiles this file with keepNames, whose `__name` helper does not exist in the page.
    const scroll = (await page.evaluate(`new Promise((resolve) => {
      const total = ${CONFIGMAPS};
      const grid = document.querySelector('[data-testid="resource-grid"]');
      const frames = [];
      const started = performance.now();
      let last = started;
      let maxRows = 0;
      const step = (now) => {
        frames.push(now - last);
        last = now;
        grid.scrollTop += 400;
        const rows = Number(grid.querySelector("table")?.getAttribute("aria-rowcount") ?? "1") - 1;
        maxRows = Math.max(maxRows, rows);
        const atEnd = grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 2;
        if ((rows >= total && atEnd) || now - started > 300000) {
          resolve({ frames, ms: now - started, reachedRows: maxRows, domRows: grid.querySelectorAll("tbody tr[data-index]").length });
          return;
        }
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    })`)) as { frames: number[]; ms: number; reachedRows: number; domRows: number };
    const long = scroll.frames.filter((f) => f > 50).length;
    console.log(
      `browser: scrolled ${scroll.reachedRows} ConfigMap rows to the end in ${Math.round(scroll.ms)} ms; frame interval ${JSON.stringify(percentiles(scroll.frames))} ms; ${long} of ${scroll.frames.length} frames over 50 ms; ${scroll.domRows} rows in the DOM at the end`,
    );
    await browser.close();
  } finally {
    await h.stop();
    console.log(`load average at end: ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
