import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.join(__dirname, "..");
const UI_SOURCES = ["app", "components", "lib", "next.config.js", "package-lock.json", "postcss.config.mjs"];
const AGENT_SOURCES = ["agent/src", "lib/tunnel", "package-lock.json"];

function newestMtime(p: string): number {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(full)) {
    if (entry === "generated" || entry.startsWith(".") || entry.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

function builtAt(file: string): number {
  const full = path.join(root, file);
  return fs.existsSync(full) ? fs.statSync(full).mtimeMs : 0;
}

/** Builds the UI (next build) when `.next/BUILD_ID` is missing or older than its sources. */
export function buildUiIfNeeded(): void {
  const built = builtAt(".next/BUILD_ID");
  if (built > Math.max(...UI_SOURCES.map(newestMtime))) return;
  console.log(built ? "Sources changed since the last build; rebuilding the console UI…" : "Building the console UI (first start only, about a minute)…");
  execFileSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

/** Bundles the agent (served at /v3/agent.js, run by the simulator) when it is missing or stale. */
export function buildAgentIfNeeded(): void {
  if (builtAt("agent/dist/outpost-agent.js") > Math.max(...AGENT_SOURCES.map(newestMtime))) return;
  console.log("Bundling the agent…");
  execFileSync(process.execPath, ["--import", "tsx", path.join(root, "agent/build.ts")], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
}
