// Benchmark: N simulated clusters (3 nodes, ~30 pods each) in one process — RSS, list-pods
// latency over loopback HTTPS, and 1,000 concurrent watchers. Prints figures.
//   npx tsx bench/sim-scale.ts [clusters=2000] [watchers=1000] [--rbac=off]
// `--rbac=off` measures the simulator without authorisation (the "before" figure); by
// default RBAC is on and list pods is also measured as an impersonated console operator
// (impersonation checks + RBAC evaluation of a group bound to "edit").
import https from "node:https";
import { startSimulator } from "../sim/index";

function get(agent: https.Agent, port: number, ca: string, token: string, path: string, extra: Record<string, string | string[]> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = https.get({ host: "127.0.0.1", port, path, ca, agent, headers: { Authorization: `Bearer ${token}`, ...extra } }, (res) => {
      res.resume();
      res.on("end", () => (res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on("error", reject);
  });
}

function postJson(port: number, ca: string, token: string, path: string, body: unknown): Promise<unknown> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request({ host: "127.0.0.1", port, path, ca, method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(data) } }, (res) => {
      let text = "";
      res.on("data", (d: Buffer) => (text += d.toString()));
      res.on("end", () => (res.statusCode === 201 ? resolve(JSON.parse(text) as unknown) : reject(new Error(`POST ${path}: ${res.statusCode} ${text}`))));
    });
    req.on("error", reject);
    req.end(data);
  });
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const rbac = !process.argv.includes("--rbac=off");
  const n = Number(args[0] ?? "2000");
  const watchers = Number(args[1] ?? "1000");
  const t0 = Date.now();
  const sim = await startSimulator({ clusters: Array.from({ length: n }, (_, i) => ({ name: `b${String(i).padStart(4, "0")}`, scenarios: ["k3s"], extraPods: 13 })), historySize: 64, rbac });
  const startS = (Date.now() - t0) / 1000;
  global.gc?.();
  const pods = sim.clusters.slice(0, 5).map((c) => (c as unknown as { state: { store: { count(s: string): number } } }).state.store.count("/pods"));
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(`rbac=${rbac ? "on" : "off"} clusters=${n} start=${startS.toFixed(1)}s rss=${rss.toFixed(0)}MiB heap=${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)}MiB pods/cluster=${pods.join(",")}`);
  const agent = new https.Agent({ keepAlive: true, maxSockets: 1 });
  const lat: number[] = [];
  for (let i = 0; i < 500; i++) {
    const c = sim.clusters[i % Math.min(50, n)];
    if (!c) break;
    lat.push(await get(agent, c.port, c.caPem, c.token, "/api/v1/pods"));
  }
  console.log(`list pods (all namespaces, JSON, keep-alive): p50=${pct(lat, 50).toFixed(2)}ms p95=${pct(lat, 95).toFixed(2)}ms p99=${pct(lat, 99).toFixed(2)}ms`);
  if (rbac) {
    // The console's path: the agent's token would be used in real life; the admin's
    // impersonation is authorised the same way (system:masters short-circuits only the caller).
    const measured = sim.clusters.slice(0, Math.min(50, n));
    for (const c of measured) await postJson(c.port, c.caPem, c.token, "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", { metadata: { name: "bench-operator" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "edit" }, subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "outpost:operator" }] });
    const sa = await Promise.all(measured.map((c) => postJson(c.port, c.caPem, c.token, "/api/v1/namespaces/default/serviceaccounts/default/token", { spec: {} }).then((j) => (j as { status: { token: string } }).status.token)));
    for (const c of measured) await postJson(c.port, c.caPem, c.token, "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", { metadata: { name: "bench-impersonator" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "bench-impersonator" }, subjects: [{ kind: "ServiceAccount", name: "default", namespace: "default" }] });
    for (const c of measured) await postJson(c.port, c.caPem, c.token, "/apis/rbac.authorization.k8s.io/v1/clusterroles", { metadata: { name: "bench-impersonator" }, rules: [{ apiGroups: [""], resources: ["users"], verbs: ["impersonate"] }, { apiGroups: [""], resources: ["groups"], verbs: ["impersonate"], resourceNames: ["outpost:operator", "system:authenticated"] }] });
    const olat: number[] = [];
    for (let i = 0; i < 500; i++) {
      const k = i % measured.length;
      const c = measured[k]!;
      olat.push(await get(agent, c.port, c.caPem, sa[k]!, "/api/v1/pods", { "Impersonate-User": "outpost:bench", "Impersonate-Group": ["outpost:operator", "system:authenticated"] }));
    }
    console.log(`list pods as a service account impersonating a console operator (RBAC: 3 impersonation checks + list): p50=${pct(olat, 50).toFixed(2)}ms p95=${pct(olat, 95).toFixed(2)}ms p99=${pct(olat, 99).toFixed(2)}ms`);
  }
  const tlat: number[] = [];
  for (let i = 0; i < 200; i++) {
    const c = sim.clusters[i % Math.min(50, n)];
    if (!c) break;
    tlat.push(await new Promise<number>((resolve, reject) => {
      const s = performance.now();
      https.get({ host: "127.0.0.1", port: c.port, path: "/api/v1/pods?limit=500", ca: c.caPem, agent, headers: { Authorization: `Bearer ${c.token}`, Accept: "application/json;as=Table;v=v1;g=meta.k8s.io" } }, (res) => { res.resume(); res.on("end", () => resolve(performance.now() - s)); }).on("error", reject);
    }));
  }
  console.log(`list pods as Table: p50=${pct(tlat, 50).toFixed(2)}ms p95=${pct(tlat, 95).toFixed(2)}ms`);
  // Watchers: one per cluster round-robin; count those that received the initial ADDED events.
  const wAgent = new https.Agent({ keepAlive: false, maxSockets: Infinity });
  let ready = 0;
  const reqs: ReturnType<typeof https.get>[] = [];
  const w0 = Date.now();
  await Promise.all(Array.from({ length: watchers }, (_, i) => new Promise<void>((resolve) => {
    const c = sim.clusters[i % n];
    if (!c) return resolve();
    const req = https.get({ host: "127.0.0.1", port: c.port, path: "/api/v1/pods?watch=true&allowWatchBookmarks=true", ca: c.caPem, agent: wAgent, headers: { Authorization: `Bearer ${c.token}` } }, (res) => {
      res.once("data", () => {
        ready++;
        resolve();
      });
    });
    req.on("error", () => resolve());
    reqs.push(req);
  })));
  console.log(`watchers: ${ready}/${watchers} streaming after ${Date.now() - w0}ms; rss=${(process.memoryUsage().rss / 2 ** 20).toFixed(0)}MiB`);
  for (const r of reqs) r.destroy();
  await sim.stop();
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
