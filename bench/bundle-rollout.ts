// Bundles at scale: the real console (this process; its rollout driver runs as in
// production) with `--live` simulated clusters attached through real tunnels + the agent's
// proxy (the simulator in a child process) and `--synthetic` clusters seeded into Postgres
// (no agent: Offline). One bundle (a ConfigMap + a Deployment, no waves) targets the live
// clusters: time until all are Ready, console CPU and memory. A second bundle targets every
// cluster: bundle page p95 and whether its counts are exact.
//   node --require ./scripts/register-server-only.cjs --import tsx bench/bundle-rollout.ts [--live 1000] [--synthetic 9000]
// Needs a production build (npm run build) and the agent bundle (npm run build:agent).
import os from "node:os";
import { percentiles, startFleetHarness } from "./fleet-harness";

const arg = (name: string, def: number) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : def);
const LIVE = arg("live", 1000);
const SYNTHETIC = arg("synthetic", 9000);

const YAML = `apiVersion: v1
kind: ConfigMap
metadata: { name: bench-config, namespace: default }
data: { cluster: "\${cluster.name}" }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: bench-web, namespace: default }
spec:
  replicas: 1
  selector: { matchLabels: { app: bench-web } }
  template:
    metadata: { labels: { app: bench-web } }
    spec: { containers: [{ name: web, image: "nginx:1.27" }] }
`;

interface Detail {
  id: string;
  status: string;
  total: number;
  counts: Record<string, number>;
  clusters: Array<{ state: string }>;
}

async function main(): Promise<void> {
  const t0 = Date.now();
  // Cheap clusters: single-node k3s, one shared CA (no key pair per cluster), leases every 30 s.
  const h = await startFleetHarness({ synthetic: SYNTHETIC, live: LIVE, scenarios: "k3s", simArgs: ["--agents", "0", "--shared-certs", "--lease-renew-ms", "30000"] });
  console.log(`harness up in ${Math.round((Date.now() - t0) / 1000)} s (${LIVE} live, ${SYNTHETIC} synthetic), load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  const cpu0 = process.cpuUsage();
  const started = Date.now();
  const created = await h.api("/api/v1/bundles", { method: "POST", body: { name: "bench", source: { yaml: YAML }, targets: { clusterSelector: "env=live" } } });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  let detail: Detail | undefined;
  let rssMax = 0;
  while (Date.now() - started < 600_000) {
    detail = (await (await h.api(`/api/v1/bundles/${id}`)).json()) as Detail;
    rssMax = Math.max(rssMax, process.memoryUsage().rss);
    if (detail.counts.Ready === LIVE) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const seconds = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const rollout = {
    clusters: LIVE,
    allReady: detail?.counts.Ready === LIVE,
    secondsToAllReady: Math.round(seconds * 10) / 10,
    counts: detail?.counts,
    // The console process includes the in-process agent proxies (one per live cluster); the simulator is a child process.
    consoleCpuSeconds: Math.round(((cpu.user + cpu.system) / 1e6) * 10) / 10,
    consoleCpuPercentOfOneCore: Math.round(((cpu.user + cpu.system) / 1e6 / seconds) * 100),
    rssMaxMiB: Math.round(rssMax / 2 ** 20),
    heapMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
  console.log("rollout", JSON.stringify(rollout));

  // Every cluster (live + synthetic, most Offline): the bundle page.
  const all = await h.api("/api/v1/bundles", { method: "POST", body: { name: "bench-all", source: { yaml: YAML }, targets: { clusterSelector: "!outpost.io/none" } } });
  if (all.status !== 201) throw new Error(`create: ${all.status} ${await all.text()}`);
  const allId = ((await all.json()) as { id: string }).id;
  await new Promise((r) => setTimeout(r, 5_000));
  const samples: number[] = [];
  let exact = true;
  for (let i = 0; i < 40; i++) {
    const t = performance.now();
    const res = await h.api(`/api/v1/bundles/${allId}`);
    const d = (await res.json()) as Detail;
    samples.push(performance.now() - t);
    const recount: Record<string, number> = {};
    for (const c of d.clusters) recount[c.state] = (recount[c.state] ?? 0) + 1;
    exact &&= d.clusters.length === d.total && Object.entries(recount).every(([s, n]) => d.counts[s] === n);
  }
  const page = { targets: LIVE + SYNTHETIC, bundlePage: percentiles(samples), countsExact: exact, loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100) };
  console.log("page", JSON.stringify(page));
  console.log(JSON.stringify({ date: new Date().toISOString(), machine: `${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`, rollout, page }, null, 2));
  await h.stop();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
