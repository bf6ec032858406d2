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

/**
 * Starts the console exactly as `npm start` does after a build (server.ts under tsx), on a
 * fresh data directory, and resolves with the one-time admin password it prints.
 */
export async function startConsoleProcess(): Promise<{ child: ChildProcess; password: string; output: () => string }> {
  fs.rmSync(E2E_DATA_DIR, { recursive: true, force: true });
  fs.mkdirSync(E2E_DATA_DIR, { recursive: true, mode: 0o711 });
  const env: NodeJS.ProcessEnv = { ...process.env, OUTPOST_DATA_DIR: E2E_DATA_DIR, OUTPOST_PORT: String(E2E_PORT), OUTPOST_LOG_LEVEL: "info" };
  delete env.OUTPOST_BOOTSTRAP_PASSWORD;
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["--require", "./scripts/register-server-only.cjs", "--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const password = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`console did not start in 90 s:\n${output}`)), 90_000);
    child.stdout?.on("data", () => {
      const match = /password: (\S+)/.exec(output);
      if (match?.[1] && output.includes("Outpost console:")) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`console exited (${code}) during start:\n${output}`));
    });
  });
  return { child, password, output: () => output };
}
