// bench/tunnel-idle.ts — memory of idle tunnels. This process plays the console: a TLS
// WebSocket server (like /v3/connect) holding N tunnels; a child process plays N agents.
// Measures the console's RSS and heap per tunnel, first for the bare TLS WebSockets, then
// with a TunnelSession on each (pings running), and the agents' side in the child.
//
//   npx tsx bench/tunnel-idle.ts [--n 2000] [--idle-ms 12000]
//
// Figures go to docs/PERFORMANCE.md "## Tunnel".
import "reflect-metadata";
import { spawn } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import vm from "node:vm";
import WebSocket, { WebSocketServer } from "ws";
import { TunnelSession } from "@/lib/tunnel";
import { makeTestCa } from "@/agent/test/support/make-pki";

const { values } = parseArgs({
  options: {
    n: { type: "string", default: "2000" },
    "idle-ms": { type: "string", default: "12000" },
    child: { type: "boolean", default: false },
    port: { type: "string" },
    ca: { type: "string" },
  },
});
const N = Number(values.n);

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

function memory() {
  for (let i = 0; i < 3; i++) gc();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  return { rss, heap: heapUsed + external + arrayBuffers };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/** Child: open N agent tunnels to the console, report memory per tunnel, stay until killed. */
async function runAgents(): Promise<void> {
  const ca = fs.readFileSync(values.ca!, "utf8");
  const before = memory();
  const sessions: TunnelSession[] = [];
  for (let i = 0; i < N; i += 100) {
    const batch = Array.from({ length: Math.min(100, N - i) }, async () => {
      const ws = new WebSocket(`wss://127.0.0.1:${values.port}/v3/connect`, { ca, perMessageDeflate: false });
      await once(ws, "open");
      sessions.push(new TunnelSession(ws, { role: "agent", onStream: () => {} }));
    });
    await Promise.all(batch);
  }
  const after = memory();
  process.stdout.write(`${JSON.stringify({ sessions: sessions.length, rssPer: (after.rss - before.rss) / N, heapPer: (after.heap - before.heap) / N })}\n`);
  await new Promise(() => {});
}

async function runConsole(): Promise<void> {
  const ca = await makeTestCa("bench-idle-ca");
  const pair = await ca.issue({ commonName: "console" });
  const caFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "outpost-idle-")), "ca.pem");
  fs.writeFileSync(caFile, ca.cert);
  const server = https.createServer({ cert: pair.cert, key: pair.key });
  const wss = new WebSocketServer({ server, perMessageDeflate: false });
  const sockets: WebSocket[] = [];
  const allConnected = new Promise<void>((resolve) => {
    wss.on("connection", (ws) => {
      sockets.push(ws);
      if (sockets.length === N) resolve();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const base = memory();

  const started = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", __filename, "--child", "--n", String(N), "--port", String((server.address() as AddressInfo).port), "--ca", caFile], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const agentReport = new Promise<Record<string, number>>((resolve) => {
    child.stdout!.once("data", (chunk: Buffer) => resolve(JSON.parse(chunk.toString()) as Record<string, number>));
  });
  await allConnected;
  const connectedIn = Date.now() - started;
  const bare = memory();

  const sessions = sockets.map((ws) => new TunnelSession(ws, { role: "console" }));
  const agents = await agentReport;
  // Idle through a few ping rounds (5 s interval) so keepalive state is in the figure.
  await new Promise((resolve) => setTimeout(resolve, Number(values["idle-ms"])));
  const withSessions = memory();
  const alive = sessions.filter((s) => s.isOpen).length;

  console.log(`node ${process.version}, ${os.cpus().length} CPUs; ${N} idle tunnels (TLS WebSocket + TunnelSession), agents in a child process; connected in ${connectedIn} ms`);
  console.log(`console RSS: base ${mib(base.rss)}, +${mib(bare.rss - base.rss)} bare TLS WebSockets, +${mib(withSessions.rss - base.rss)} with sessions after ${values["idle-ms"]} ms idle (${alive}/${N} alive)`);
  console.log(`console per tunnel: RSS ${kib((withSessions.rss - base.rss) / N)} (bare TLS ws ${kib((bare.rss - base.rss) / N)}, session ${kib((withSessions.rss - bare.rss) / N)}); JS heap+buffers ${kib((withSessions.heap - base.heap) / N)}`);
  console.log(`agent end per tunnel (child, ws client + session): RSS ${kib(agents.rssPer!)}, JS heap+buffers ${kib(agents.heapPer!)}`);
  console.log(`extrapolated console RSS for 10,000 tunnels: ${mib(base.rss + ((withSessions.rss - base.rss) / N) * 10_000)}`);
  child.kill("SIGKILL");
  process.exit(0);
}

(values.child ? runAgents() : runConsole()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
