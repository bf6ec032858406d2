import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FakeApiserver } from "./fake-apiserver";

const ROOT = path.resolve(__dirname, "../../..");

/**
 * Bundles the agent exactly like `npm run build:agent`, into a private file so parallel test
 * files never read each other's half-written output. Returns the bundle path.
 */
export function buildAgentBundle(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-agent-bundle-"));
  const outfile = path.join(dir, "outpost-agent.js");
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "agent/build.ts"), outfile], { cwd: ROOT, stdio: "pipe" });
  return outfile;
}

/** An in-cluster file layout under OUTPOST_PATH_PREFIX: service account + credentials secret. */
export function makeInClusterRoot(apiserver: FakeApiserver, caPem: string, credentials: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-agent-root-"));
  const sa = path.join(root, "var/run/secrets/kubernetes.io/serviceaccount");
  fs.mkdirSync(sa, { recursive: true });
  fs.writeFileSync(path.join(sa, "token"), apiserver.token);
  fs.writeFileSync(path.join(sa, "ca.crt"), caPem);
  fs.writeFileSync(path.join(sa, "namespace"), "outpost-system");
  const secret = path.join(root, "etc/outpost/credentials");
  fs.mkdirSync(secret, { recursive: true });
  for (const [key, value] of Object.entries(credentials)) fs.writeFileSync(path.join(secret, key), value);
  return root;
}

/** A running agent child process with its parsed log lines. */
export interface AgentProcess {
  child: ChildProcess;
  /** Parsed JSON log lines from stdout, in order. */
  logs: Record<string, unknown>[];
  stdout(): string;
  stderr(): string;
  /**
   * Resolves with the `occurrence`-th (1-based) log line whose event matches, or rejects after
   * `timeoutMs` with the agent's output.
   */
  waitForLog(event: string, occurrence?: number, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the bundled agent with `args` and `env` (added to a minimal environment). */
export function startAgent(bundle: string, args: string[], env: Record<string, string>): AgentProcess {
  const child = spawn(process.execPath, [bundle, ...args], {
    env: { NODE_ENV: "production", PATH: process.env.PATH ?? "", OUTPOST_HEALTH_PORT: "0", OUTPOST_BACKOFF_BASE_MS: "100", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const logs: Record<string, unknown>[] = [];
  const waiters: { event: string; occurrence: number; resolve: (line: Record<string, unknown>) => void }[] = [];
  const nth = (event: string, occurrence: number) => logs.filter((line) => line.event === event)[occurrence - 1];
  let pending = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const text of lines) {
      const line = JSON.parse(text) as Record<string, unknown>;
      logs.push(line);
      for (const waiter of [...waiters]) {
        const found = nth(waiter.event, waiter.occurrence);
        if (found) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(found);
        }
      }
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return {
    child,
    logs,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForLog(event, occurrence = 1, timeoutMs = 15_000) {
      const seen = nth(event, occurrence);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`agent never logged "${event}"; stdout:\n${out}\nstderr:\n${err}`)), timeoutMs);
        waiters.push({
          event,
          occurrence,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
