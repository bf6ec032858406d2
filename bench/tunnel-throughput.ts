// bench/tunnel-throughput.ts — `list pods` through the tunnel vs direct to the same simulated
// API server, plus bulk stream throughput. Three processes, as in production: the simulator
// (child), the bundled agent (child, --kubeconfig to the simulated cluster) and this process as
// the console (fake console endpoints + the real TunnelSession gateway).
//
//   npm run build:agent && npx tsx bench/tunnel-throughput.ts [--iterations 400] [--pods 300] [--window 262144]
// (--window: the console's per-stream receive window, i.e. what bounds a response in flight)
//
// Prints medians/p90 per request kind and the median ratio tunnel/direct. Figures go to
// docs/PERFORMANCE.md "## Tunnel".
import "reflect-metadata";
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as k8s from "@kubernetes/client-node";
import { createTunnelKubeConfig } from "@/lib/tunnel/kubeconfig";
import { connectSessionPair } from "@/lib/tunnel/test/session-pair";
import { caChecksum } from "@/agent/src/verify-ca-checksum";
import { startFakeConsole, type ConsoleTunnel } from "@/agent/test/support/fake-console";
import { makeTestCa } from "@/agent/test/support/make-pki";

const ROOT = path.resolve(__dirname, "..");
const { values } = parseArgs({
  options: { iterations: { type: "string", default: "400" }, pods: { type: "string", default: "300" }, window: { type: "string", default: "262144" } },
});
const ITERATIONS = Number(values.iterations);
const PODS = Number(values.pods);

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Starts the simulator CLI and resolves with the kubeconfig path of its one cluster. */
function startSimulator(dir: string): Promise<{ child: ChildProcess; kubeconfig: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "sim/cli.ts"), "--clusters", "1", "--scenario", "k3s,demo", "--pods-per-cluster", String(PODS), "--kubeconfig-dir", dir], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (/^ready:/m.test(out)) resolve({ child, kubeconfig: out.split("\n")[0]!.split("\t")[2]! });
    });
    child.once("exit", (code) => reject(new Error(`simulator exited ${code}: ${out}`)));
  });
}

/** A direct KubeConfig that keeps one dispatcher (connection pool) like the tunnel config. */
class KeepAliveKubeConfig extends k8s.KubeConfig {
  private dispatcher: unknown;
  override async applySecurityAuthentication(context: k8s.RequestContext): Promise<void> {
    await super.applySecurityAuthentication(context);
    this.dispatcher ??= context.getDispatcher();
    context.setDispatcher(this.dispatcher as Parameters<k8s.RequestContext["setDispatcher"]>[0]);
  }
}

async function timeRequests(label: string, direct: () => Promise<unknown>, tunnel: () => Promise<unknown>) {
  for (let i = 0; i < 50; i++) {
    await direct();
    await tunnel();
  }
  const d: number[] = [];
  const t: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    // Alternate (and alternate who goes first) so drift hits both sides equally.
    const order = i % 2 === 0 ? ([direct, tunnel] as const) : ([tunnel, direct] as const);
    for (const fn of order) {
      const start = performance.now();
      await fn();
      (fn === direct ? d : t).push(performance.now() - start);
    }
  }
  const md = percentile(d, 50);
  const mt = percentile(t, 50);
  console.log(
    `${label.padEnd(50)} direct p50 ${md.toFixed(2)} ms p90 ${percentile(d, 90).toFixed(2)} | tunnel p50 ${mt.toFixed(2)} ms p90 ${percentile(t, 90).toFixed(2)} | ratio ${(mt / md).toFixed(3)}`,
  );
}

async function bulkThroughput(): Promise<void> {
  // In-process pair over a real loopback WebSocket: raw tunnel cost, no HTTP, no TLS.
  const pair = await connectSessionPair({}, { onStream: (stream) => void stream.pipe(stream) });
  const total = 256 * 1024 * 1024;
  const chunk = randomBytes(64 * 1024);
  const stream = await pair.console.openStream("k8s");
  const start = performance.now();
  let received = 0;
  const hash = createHash("sha256");
  const done = new Promise<void>((resolve) => {
    stream.on("data", (data: Buffer) => {
      received += data.length;
      hash.update(data);
    });
    stream.on("end", resolve);
  });
  for (let sent = 0; sent < total; sent += chunk.length) {
    if (!stream.write(chunk)) await new Promise((resolve) => stream.once("drain", resolve));
  }
  stream.end();
  await done;
  const seconds = (performance.now() - start) / 1000;
  console.log(`bulk echo through one stream: ${(total / 1024 / 1024).toFixed(0)} MiB each way in ${seconds.toFixed(2)} s = ${((total * 2) / 1024 / 1024 / seconds).toFixed(0)} MiB/s (both directions, ws:// loopback, one process)`);
  if (received !== total) throw new Error(`received ${received} of ${total}`);
  await pair.dispose();
}

async function main(): Promise<void> {
  const bundle = path.join(ROOT, "agent/dist/outpost-agent.js");
  if (!fs.existsSync(bundle)) throw new Error("run `npm run build:agent` first");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-bench-tunnel-"));
  const sim = await startSimulator(dir);
  const consoleCa = await makeTestCa("bench-console-ca");
  const fakeConsole = await startFakeConsole(consoleCa, { initialWindow: Number(values.window) });
  fakeConsole.tokens.set("bench-registration-token-0123456789", "bench");
  const hello = new Promise<ConsoleTunnel>((resolve) => fakeConsole.once("hello", resolve));
  const agent = spawn(
    process.execPath,
    [bundle, "--server", fakeConsole.url, "--token", "bench-registration-token-0123456789", "--ca-checksum", caChecksum(consoleCa.cert), "--kubeconfig", sim.kubeconfig, "--state-dir", path.join(dir, "state")],
    { env: { NODE_ENV: "production", PATH: process.env.PATH, OUTPOST_HEALTH_PORT: "0" }, stdio: ["ignore", "ignore", "inherit"] },
  );
  try {
    const tunnel = await hello;
    // client-node 2.0.1 builds a new undici Agent (so a new TLS connection) on every call;
    // the "keep-alive" baseline reuses the first one, which is what the tunnel config does.
    const defaultKc = new k8s.KubeConfig();
    defaultKc.loadFromFile(sim.kubeconfig);
    const directKc = new KeepAliveKubeConfig();
    directKc.loadFromFile(sim.kubeconfig);
    const tunnelKc = createTunnelKubeConfig(() => tunnel.session.openStream("k8s"));
    const direct = directKc.makeApiClient(k8s.CoreV1Api);
    const directDefault = defaultKc.makeApiClient(k8s.CoreV1Api);
    const through = tunnelKc.makeApiClient(k8s.CoreV1Api);
    const all = await direct.listPodForAllNamespaces();
    const viaTunnel = await through.listPodForAllNamespaces();
    if (JSON.stringify(all.items.map((p) => p.metadata?.uid)) !== JSON.stringify(viaTunnel.items.map((p) => p.metadata?.uid))) {
      throw new Error("tunnel and direct lists differ");
    }
    const bytes = JSON.stringify(all).length;
    console.log(
      `node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}; ${ITERATIONS} iterations after 50 warm-up pairs; window ${values.window}; simulator, agent and console in separate processes`,
    );
    await timeRequests(`list pods kube-system (vs client-node default)`, () => directDefault.listNamespacedPod({ namespace: "kube-system" }), () => through.listNamespacedPod({ namespace: "kube-system" }));
    await timeRequests(`list pods kube-system`, () => direct.listNamespacedPod({ namespace: "kube-system" }), () => through.listNamespacedPod({ namespace: "kube-system" }));
    await timeRequests(`list pods -A (${all.items.length} pods, ~${Math.round(bytes / 1024)} KiB)`, () => direct.listPodForAllNamespaces(), () => through.listPodForAllNamespaces());
    await timeRequests(`discovery GET /api/v1`, () => direct.getAPIResources(), () => through.getAPIResources());
    console.log(`console session after the run: ${JSON.stringify(tunnel.session.stats())}`);
    await bulkThroughput();
  } finally {
    agent.kill("SIGTERM");
    sim.child.kill("SIGTERM");
    await fakeConsole.stop();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
