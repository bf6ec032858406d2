import "server-only";
import fs from "node:fs/promises";
import path from "node:path";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function commandLineOf(pid: number): Promise<string> {
  try {
    return (await fs.readFile(`/proc/${pid}/cmdline`, "utf8")).replaceAll("\0", " ");
  } catch {
    return "";
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

/**
 * Makes a data directory startable after a crash. `postmaster.pid` names the server that
 * owned the directory. If that PID is a live postgres on THIS data directory, it is an
 * orphan of an earlier console (its parent was SIGKILLed): stop it (fast shutdown, then
 * immediate). If the PID is dead or belongs to another program (PID reuse after a
 * reboot), the lock is stale: remove it, or postgres refuses to start.
 * Returns what it did, for the log.
 */
export async function clearStalePostmaster(dataDir: string): Promise<"none" | "removed-stale-lock" | "stopped-orphan"> {
  const lockFile = path.join(dataDir, "postmaster.pid");
  let content: string;
  try {
    content = await fs.readFile(lockFile, "utf8");
  } catch {
    return "none";
  }
  const pid = Number.parseInt(content.split("\n")[0] ?? "", 10);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    const cmdline = await commandLineOf(pid);
    if (cmdline.includes("postgres") && cmdline.includes(path.resolve(dataDir))) {
      process.kill(pid, "SIGINT");
      if (!(await waitForExit(pid, 15_000))) {
        process.kill(pid, "SIGQUIT");
        await waitForExit(pid, 5_000);
      }
      await fs.rm(lockFile, { force: true });
      return "stopped-orphan";
    }
  }
  await fs.rm(lockFile, { force: true });
  return "removed-stale-lock";
}
