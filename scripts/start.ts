// `npm start`: builds the UI when the build is missing or older than the sources, then
// starts the console (server.ts). `npm run dev` starts Next.js in development mode.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { main } from "../server";

const root = path.join(__dirname, "..");
const SOURCES = ["app", "components", "lib", "messages", "next.config.js", "package-lock.json", "postcss.config.mjs"];

function newestMtime(p: string): number {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(full)) {
    if (entry === "generated" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

function buildIfNeeded(): void {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map(newestMtime));
  if (built > changed) return;
  console.log(built ? "Sources changed since the last build; rebuilding the console UI…" : "Building the console UI (first start only, about a minute)…");
  execFileSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

if (!process.argv.includes("--dev")) buildIfNeeded();
void main();
