import fs from "node:fs";
import path from "node:path";
import { assertLocalDatabase, BOOTSTRAP_FILE, startConsoleProcess } from "./support/console-process";

/** Starts one console for all journeys; returns the teardown that stops it gracefully. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  assertLocalDatabase(process.env);
  const { child, password, output } = await startConsoleProcess();
  fs.mkdirSync(path.dirname(BOOTSTRAP_FILE), { recursive: true });
  fs.writeFileSync(BOOTSTRAP_FILE, JSON.stringify({ password }));
  return async () => {
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const code = await exited;
    if (code !== 0) throw new Error(`console exited with ${code} on SIGTERM:\n${output().slice(-3000)}`);
  };
}
