// bench/tunnel-vs-direct-console-path.ts — `list pods` the way the console makes it, through
// the tunnel, vs the same request straight to the same simulated kube-apiserver.
//
//   npm run build:agent && npx tsx bench/tunnel-vs-direct-console-path.ts [--iterations 500] [--pods 30] [--nice=-20] [--apiserver-latency-ms 0,2,5] [--profile]
//
// Tunnelled: the console's own call (`kubeJson` in lib/server/k8s: its undici dispatcher
// whose connections are `dialCluster(id)` streams from the real tunnel registry) →
// TunnelSession over TLS WebSocket → the bundled agent (a child process, --kubeconfig to the
// simulated cluster) → its authenticating proxy → HTTPS to the simulated apiserver.
// Direct: the same request (same headers, impersonation included) with an undici keep-alive
// pool over HTTPS to the same apiserver, body read and JSON-parsed the same way.
// The agent enrols with agent/test/support/fake-console (its /cacerts, register and /v3/connect
// gateway on the real TunnelSession); the console's database plays no part in this path.
// bench/tunnel-throughput.ts measures client-node through a bare session (kube-system, -A,
// discovery) and bulk throughput; this one measures the console's path, namespace default.
// The simulator answers a 30-pod list in about a millisecond, far faster than a real k3s
// (kine/SQLite or etcd); --apiserver-latency-ms adds the simulator's latency fault so the
// ratio can be read against realistic apiserver times too. --profile prints where the CPU
// goes on both ends of the tunnel: this process (V8 profiler, 300 tunnelled lists) and the
// agent (--cpu-prof over its whole run).
// Figures go to docs/PERFORMANCE.md "## Enrollment and tunnels".
import "../scripts/register-server-only.cjs";
import { spawn } from "node:child_process";
import fs from "node:fs";
import inspector from "node:inspector";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Agent } from "undici";
import YAML from "yaml";
import { caChecksum } from "@/agent/src/verify-ca-checksum";
import { startFakeConsole, type ConsoleTunnel } from "@/agent/test/support/fake-console";
import { makeTestCa } from "@/agent/test/support/make-pki";
import { impersonationHeaders, type KubeIdentity } from "@/lib/server/k8s/kube-identity";
import { dispatcherFor, TUNNEL_ORIGIN } from "@/lib/server/k8s/kube-dispatcher";
import { kubeJson } from "@/lib/server/k8s/kube-request";
import { registerTunnel } from "@/lib/server/tunnel/tunnel-registry";
import { summarizeProfile, type ProfileNode } from "./enroll-inspect-console";
import { applyNice, machineLine } from "./enroll-proc-stats";
import { percentile, ROOT, startSimulatorProcess, type SimProcess } from "./enroll-support";

const { values } = parseArgs({
  options: {
    iterations: { type: "string", default: "500" },
    pods: { type: "string", default: "30" },
    nice: { type: "string", default: "0" },
    "apiserver-latency-ms": { type: "string", default: "0,2,5" },
    profile: { type: "boolean", default: false },
  },
});
const ITERATIONS = Number(values.iterations);
const PODS = Number(values.pods);
const PATH = "/api/v1/namespaces/default/pods";
const IDENTITY: KubeIdentity = { username: "bench", role: "viewer" };
const LATENCIES = values["apiserver-latency-ms"].split(",").map(Number);

interface PodList {
  items: { metadata: { uid: string }; status?: { phase?: string } }[];
}

async function setApiserverLatency(sim: SimProcess, latencyMs: number): Promise<void> {
  const res = await fetch(`${sim.adminUrl}/clusters/${sim.clusters[0]!.name}/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(latencyMs > 0 ? { latencyMs } : {}),
  });
  if (!res.ok) throw new Error(`setting faults answered ${res.status}`);
}

/** Times `direct` and `tunnel` alternately (who goes first alternates too) and prints the medians. */
async function comparePaths(label: string, direct: () => Promise<unknown>, tunnel: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 50; i++) {
    await direct();
    await tunnel();
  }
  const d: number[] = [];
  const t: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const order = i % 2 === 0 ? [direct, tunnel] : [tunnel, direct];
    for (const fn of order) {
      const start = performance.now();
      await fn();
      (fn === direct ? d : t).push(performance.now() - start);
    }
  }
  const [md, mt] = [percentile(d, 50), percentile(t, 50)];
  console.log(
    `${label}: direct p50 ${md.toFixed(2)} ms p90 ${percentile(d, 90).toFixed(2)} | tunnel p50 ${mt.toFixed(2)} ms p90 ${percentile(t, 90).toFixed(2)} | median ratio ${(mt / md).toFixed(3)} (+${(mt - md).toFixed(2)} ms)`,
  );
}

async function main(): Promise<void> {
  const bundle = path.join(ROOT, "agent/dist/outpost-agent.js");
  if (!fs.existsSync(bundle)) throw new Error("run `npm run build:agent` first");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-bench-tvd-"));
  const sim = await startSimulatorProcess(["--clusters", "1", "--scenario", "k3s"], dir);
  const fakeConsole = await startFakeConsole(await makeTestCa("bench-console-ca"));
  let agent: ReturnType<typeof spawn> | undefined;
  try {
    console.log(machineLine());
    const kubeconfig = YAML.parse(fs.readFileSync(sim.clusters[0]!.kubeconfig, "utf8")) as {
      clusters: { cluster: { server: string; "certificate-authority-data": string } }[];
      users: { user: { token: string } }[];
    };
    const server = kubeconfig.clusters[0]!.cluster.server;
    const direct = new Agent({ keepAliveTimeout: 4_000, connect: { ca: Buffer.from(kubeconfig.clusters[0]!.cluster["certificate-authority-data"], "base64") } });
    const token = kubeconfig.users[0]!.user.token;
    const directCall = async (method: string, pathname: string, body?: unknown, text = false): Promise<unknown> => {
      const res = await direct.request({
        origin: server,
        path: pathname,
        method: method as "GET",
        headers: { authorization: `Bearer ${token}`, accept: "application/json", "user-agent": "outpost-console", "content-type": "application/json", ...impersonationHeaders(IDENTITY) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const answer = await res.body.text();
      if (res.statusCode >= 300) throw new Error(`${method} ${pathname} answered ${res.statusCode}: ${answer.slice(0, 200)}`);
      return text ? answer : JSON.parse(answer);
    };

    // ≈30 Running pods in namespace default: one Deployment, scheduled by the simulator.
    const labels = { app: "bench-web" };
    await directCall("POST", "/apis/apps/v1/namespaces/default/deployments", {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "bench-web", namespace: "default" },
      spec: { replicas: PODS, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: "web", image: "nginx:1.27" }] } } },
    });
    const deadline = Date.now() + 60_000;
    let running = 0;
    while (running < PODS && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      running = ((await directCall("GET", PATH)) as PodList).items.filter((p) => p.status?.phase === "Running").length;
    }
    if (running < PODS) throw new Error(`only ${running}/${PODS} pods Running after 60 s`);

    fakeConsole.tokens.set("bench-registration-token-0123456789", "bench-cluster");
    const hello = new Promise<ConsoleTunnel>((resolve) => fakeConsole.once("hello", resolve));
    const child = spawn(
      process.execPath,
      [...(values.profile ? ["--cpu-prof", "--cpu-prof-dir", path.join(dir, "agent-prof")] : []), bundle, "--server", fakeConsole.url, "--token", "bench-registration-token-0123456789", "--ca-checksum", caChecksum(fakeConsole.caPem), "--kubeconfig", sim.clusters[0]!.kubeconfig, "--state-dir", path.join(dir, "state")],
      { env: { NODE_ENV: "production", PATH: process.env.PATH, OUTPOST_HEALTH_PORT: "0" }, stdio: ["ignore", "ignore", "inherit"] },
    );
    agent = child;
    const tunnel = await hello;
    registerTunnel(tunnel.clusterId, tunnel.session);
    const nice = Number(values.nice);
    if (nice !== 0 && !applyNice([process.pid, sim.child.pid!, child.pid!], nice)) console.log(`could not apply nice ${nice}`);

    const list = { tunnel: () => kubeJson<PodList>(tunnel.clusterId, IDENTITY, { path: PATH }), direct: () => directCall("GET", PATH) as Promise<PodList> };
    const [a, b] = [await list.direct(), await list.tunnel()];
    const uids = (l: PodList) => JSON.stringify(l.items.map((p) => p.metadata.uid).sort());
    if (uids(a) !== uids(b)) throw new Error("tunnel and direct lists differ");
    console.log(`${ITERATIONS} alternating pairs after 50 warm-up pairs per line; ${a.items.length} pods = ${Math.round(JSON.stringify(a).length / 1024)} KiB of JSON`);
    for (const latency of LATENCIES) {
      await setApiserverLatency(sim, latency);
      await comparePaths(`GET ${PATH}, apiserver latency +${latency} ms`, list.direct, list.tunnel);
    }
    await setApiserverLatency(sim, 0);
    // /readyz is a 2-byte answer: what remains is the fixed cost of the extra hop.
    await comparePaths("GET /readyz (fixed per-request cost)", () => directCall("GET", "/readyz", undefined, true), async () => {
      // The console's own pool for the cluster (kubeJson's transport), body read as text.
      const res = await dispatcherFor(tunnel.clusterId).request({ origin: TUNNEL_ORIGIN, path: "/readyz", method: "GET" });
      return res.body.text();
    });
    if (values.profile) {
      const session = new inspector.Session();
      session.connect();
      const post = (method: string, params?: object) =>
        new Promise<unknown>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
      await post("Profiler.enable");
      await post("Profiler.setSamplingInterval", { interval: 200 });
      await post("Profiler.start");
      for (let i = 0; i < 300; i++) await list.tunnel();
      const { profile } = (await post("Profiler.stop")) as { profile: { nodes: ProfileNode[] } };
      session.disconnect();
      console.log(`console side, 300 tunnelled lists (self time):\n${summarizeProfile(profile, 14).join("\n")}`);
    }
    console.log(`  console session: ${JSON.stringify(tunnel.session.stats())}`);
  } finally {
    const exited = agent && agent.exitCode === null ? new Promise((resolve) => agent!.once("exit", resolve)) : undefined;
    agent?.kill("SIGTERM");
    await exited;
    const profDir = path.join(dir, "agent-prof");
    for (const file of fs.existsSync(profDir) ? fs.readdirSync(profDir) : []) {
      const profile = JSON.parse(fs.readFileSync(path.join(profDir, file), "utf8")) as { nodes: ProfileNode[] };
      console.log(`agent, whole run (self time):\n${summarizeProfile(profile, 14).join("\n")}`);
    }
    await fakeConsole.stop();
    await sim.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
