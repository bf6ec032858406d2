import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const E2E_PORT = Number(process.env.OUTPOST_E2E_PORT ?? 18443);
export const E2E_BASE_URL = `https://localhost:${E2E_PORT}`;
export const ROOT = path.resolve(__dirname, "../..");
export const E2E_DATA_DIR = path.join(ROOT, ".outpost-e2e");
export const BOOTSTRAP_FILE = path.join(ROOT, "e2e/.auth/bootstrap.json");

/** Refuses to run journeys against anything but a local database (they create and delete data). */
export function assertLocalDatabase(env: NodeJS.ProcessEnv): void {
  const url = env.DATABASE_URL;
  if (!url) return;
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", ""].includes(host)) {
    throw new Error(`Refusing to run e2e journeys against a non-local database (${host}). Unset DATABASE_URL.`);
  }
}

export interface ConsoleProcess {
  child: ChildProcess;
  /** The one-time admin password, when this start created the admin without OUTPOST_BOOTSTRAP_PASSWORD. */
  password: string | undefined;
  output: () => string;
  /** SIGTERM and wait; rejects unless the console exits 0. */
  stop(): Promise<void>;
}

/**
 * Starts the console exactly as `npm start` does after a build (server.ts under tsx) and
 * resolves once it listens. By default on the e2e port and a fresh data directory.
 */
export async function startConsoleProcess(
  opts: { port?: number; dataDir?: string; fresh?: boolean; env?: Record<string, string> } = {},
): Promise<ConsoleProcess> {
  const dataDir = opts.dataDir ?? E2E_DATA_DIR;
  if (opts.fresh ?? true) fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o711 });
  const env: NodeJS.ProcessEnv = { ...process.env, OUTPOST_DATA_DIR: dataDir, OUTPOST_PORT: String(opts.port ?? E2E_PORT), OUTPOST_LOG_LEVEL: "info" };
  delete env.OUTPOST_BOOTSTRAP_PASSWORD;
  delete env.DATABASE_URL;
  Object.assign(env, opts.env);
  const child = spawn(process.execPath, ["--require", "./scripts/register-server-only.cjs", "--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const started = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`console did not start in 180 s:\n${output}`)), 180_000);
    const onData = () => {
      if (!output.includes("Outpost console:") || !/\n\s*\n/.test(output.slice(output.indexOf("Outpost console:")))) return;
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      resolve();
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`console exited (${code}) during start:\n${output}`));
    });
  });
  await started;
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return {
    child,
    password: /password: (\S+)/.exec(output)?.[1],
    output: () => output,
    stop: async () => {
      child.kill("SIGTERM");
      const code = await exited;
      if (code !== 0) throw new Error(`console exited with ${code} on SIGTERM:\n${output.slice(-3000)}`);
    },
  };
}
