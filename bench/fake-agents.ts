// Light agents for benchmarks that need thousands of tunnels: the real tunnel client and
// session, no Kubernetes behind them (a small HTTP responder answers every stream). They
// run in child processes that the benchmark talks to over IPC.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { createBackoff } from "@/agent/src/backoff";
import { connectTunnel } from "@/agent/src/connect-tunnel";
import { RetryableError } from "@/agent/src/register-agent";
import { TunnelSession } from "@/lib/tunnel";

export interface Credential {
  clusterId: string;
  credential: string;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens one tunnel as `cred` with the given control protocol and says hello as an agent
 * would (protocol 2 and later also report readiness). Every stream goes to `responder`.
 */
export async function openFakeAgent(server: string, cred: Credential, trust: { ca: string }, protocol: number, responder: http.Server): Promise<TunnelSession> {
  const { ws } = await connectTunnel(server, { ...cred, server }, trust, 60_000, protocol);
  const session = new TunnelSession(ws, {
    role: "agent",
    onStream(stream, target) {
      if (target !== "k8s") throw new Error(`target "${target}" not allowed`);
      stream.on("error", () => {});
      responder.emit("connection", stream);
    },
  });
  session.sendControl({ type: "hello", agentVersion: "bench", kubernetesVersion: "v1.31.4+k3s1", nodeCount: 1, serverCount: 1, platform: "linux/amd64" });
  if (protocol >= 2) session.sendControl({ type: "readiness", ready: true });
  return session;
}

/** Sessions of a kept fake agent, as they come and go. */
export interface KeepEvents {
  onOpen(session: TunnelSession, reconnect: boolean): void;
  onClose(session: TunnelSession): void;
}

/**
 * Opens a fake agent and keeps it connected the way the agent does (agent/src/run-agent.ts):
 * the agent's own backoff — reset after a tunnel that stayed up 30 s (first retry spread
 * over 5 s), else kept growing under the fast cap — and the console's Retry-After honoured
 * as the minimum delay. Resolves once the first tunnel is open; rejects if that fails.
 */
export async function keepFakeAgent(server: string, cred: Credential, trust: { ca: string }, protocol: number, responder: http.Server, events: KeepEvents): Promise<void> {
  const backoff = createBackoff();
  const attach = (session: TunnelSession, reconnect: boolean) => {
    const upSince = Date.now();
    events.onOpen(session, reconnect);
    session.once("close", () => {
      events.onClose(session);
      if (Date.now() - upSince >= 30_000) backoff.reset();
      else backoff.reachable();
      void (async () => {
        let delay = backoff.next();
        for (;;) {
          await sleep(delay);
          try {
            return attach(await openFakeAgent(server, cred, trust, protocol, responder), true);
          } catch (error) {
            delay = Math.max(backoff.next(), error instanceof RetryableError ? (error.retryAfterMs ?? 0) : 0);
          }
        }
      })();
    });
  };
  attach(await openFakeAgent(server, cred, trust, protocol, responder), false);
}

/** Runs `fn` over `items` with `concurrency` workers. */
export async function forEachLimited<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/** Asks a child process over IPC (`request`, if any) and resolves with its first message of `type`. */
export function ask<T>(child: ChildProcess, type: string, request?: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (msg: { type: string }) => {
      if (msg.type !== type) return;
      child.off("message", onMessage);
      resolve(msg as T);
    };
    child.on("message", onMessage);
    if (request) child.send({ type: request });
  });
}

/** The benchmark's entry: the client child's loop or the coordinating main, exiting 1 on a failure. */
export function runBench(isChild: boolean, child: () => Promise<void>, main: () => Promise<void>): void {
  (isChild ? child() : main()).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

/**
 * Starts `count` client processes of the benchmark `script` (run with `--child`), each with
 * its share of `creds` in a file under `dir`, trusting the console's CA; returns them.
 */
export function spawnClientChildren(opts: { script: string; dir: string; creds: readonly Credential[]; count: number; server: string; caPem: string; extraArgs?: string[] }): ChildProcess[] {
  const caFile = path.join(opts.dir, "ca.pem");
  fs.writeFileSync(caFile, opts.caPem);
  const share = Math.ceil(opts.creds.length / opts.count);
  return Array.from({ length: opts.count }, (_, c) => {
    const file = path.join(opts.dir, `creds-${c}.json`);
    fs.writeFileSync(file, JSON.stringify(opts.creds.slice(c * share, (c + 1) * share)));
    return spawn(process.execPath, ["--import", "tsx", opts.script, "--child", "--creds", file, "--server", opts.server, "--ca", caFile, ...(opts.extraArgs ?? [])], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  });
}
