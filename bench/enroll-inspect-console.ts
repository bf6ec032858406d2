// The console's inspector (the console started with `--inspect=127.0.0.1:0`): the benchmarks
// force a GC there and read its memory, and sample where its CPU goes.
import WebSocket from "ws";
import type { ConsoleProcess } from "./enroll-support";

type Call = (method: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>>;

async function withInspector<T>(consoleProc: ConsoleProcess, run: (call: Call) => Promise<T>): Promise<T> {
  const wsUrl = consoleProc.inspectorUrl();
  if (!wsUrl) throw new Error("the console runs without --inspect");
  const ws = new WebSocket(wsUrl, { maxPayload: 1024 * 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  let id = 0;
  const call: Call = (method, params = {}) =>
    new Promise((resolve) => {
      const mine = ++id;
      const onMessage = (data: Buffer) => {
        const msg = JSON.parse(data.toString()) as { id?: number; result?: Record<string, unknown> };
        if (msg.id !== mine) return;
        ws.off("message", onMessage);
        resolve(msg.result ?? {});
      };
      ws.on("message", onMessage);
      ws.send(JSON.stringify({ id: mine, method, params }));
    });
  try {
    return await run(call);
  } finally {
    ws.close();
  }
}

/**
 * Forces full GCs in the console and reads `process.memoryUsage()` there, so memory per
 * tunnel is not blurred by garbage not yet collected.
 */
export function consoleMemoryAfterGc(consoleProc: ConsoleProcess): Promise<{ rss: number; heapUsed: number; external: number; arrayBuffers: number }> {
  return withInspector(consoleProc, async (call) => {
    for (let i = 0; i < 3; i++) await call("HeapProfiler.collectGarbage");
    const result = await call("Runtime.evaluate", { expression: "JSON.stringify(process.memoryUsage())", returnByValue: true });
    return JSON.parse((result.result as { value: string }).value) as { rss: number; heapUsed: number; external: number; arrayBuffers: number };
  });
}

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Where a source URL belongs: an npm package, our own file, or Node's internals. */
function owner(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith("node:")) return url;
  const ours = /\/work\/main\/(.+)$/.exec(url)?.[1] ?? /\.next\/(server\/.+)$/.exec(url)?.[1];
  return ours ?? url;
}

/**
 * Samples the console's CPU for `ms` with the V8 profiler and returns the top entries by
 * self time (share of busy samples), per function and per owner (package / our file), as
 * printable lines. Only the main thread: Postgres, TLS in OpenSSL and GC helpers are outside.
 */
export function profileConsole(consoleProc: ConsoleProcess, ms: number, top = 12): Promise<string[]> {
  return withInspector(consoleProc, async (call) => {
    await call("Profiler.enable");
    await call("Profiler.setSamplingInterval", { interval: 500 });
    await call("Profiler.start");
    await new Promise((resolve) => setTimeout(resolve, ms));
    const { profile } = (await call("Profiler.stop")) as { profile: { nodes: ProfileNode[] } };
    await call("Profiler.disable");
    return summarizeProfile(profile, top);
  });
}

/**
 * Top entries of a V8 CPU profile by self time (share of busy samples: "(idle)" is left
 * out), per function and per owner (npm package / our file / V8 pseudo-frame).
 */
export function summarizeProfile(profile: { nodes: ProfileNode[] }, top = 12): string[] {
  const busy = profile.nodes.filter((n) => n.callFrame.functionName !== "(idle)");
  const total = busy.reduce((a, n) => a + (n.hitCount ?? 0), 0);
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  for (const node of busy) {
    const hits = node.hitCount ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    // V8's pseudo-frames ("(garbage collector)", "(program)") have no URL.
    const where = url ? owner(url) : functionName;
    const fn = url ? `${functionName || "(anonymous)"} ${where}:${lineNumber + 1}` : functionName;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + hits);
    byOwner.set(where, (byOwner.get(where) ?? 0) + hits);
  }
  const pct = (hits: number) => `${((hits / total) * 100).toFixed(1).padStart(5)} %`;
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `    by owner (self time): ${sorted(byOwner).map(([k, v]) => `${k} ${pct(v).trim()}`).join(", ")}`,
    ...sorted(byFunction).map(([k, v]) => `    ${pct(v)}  ${k}`),
  ];
}
