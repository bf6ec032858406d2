import fs from "node:fs";
import path from "node:path";
import { assertLocalDatabase, BOOTSTRAP_FILE, startConsoleProcess } from "./support/console-process";

/** Starts one console for all journeys; returns the teardown that stops it gracefully. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  assertLocalDatabase(process.env);
  const consoleProcess = await startConsoleProcess();
  if (!consoleProcess.password) throw new Error(`the first start printed no one-time password:\n${consoleProcess.output()}`);
  fs.mkdirSync(path.dirname(BOOTSTRAP_FILE), { recursive: true });
  fs.writeFileSync(BOOTSTRAP_FILE, JSON.stringify({ password: consoleProcess.password }));
  return () => consoleProcess.stop();
}
