// `npm test`: typecheck, lint, unit + integration tests (real Postgres), then the
// end-to-end journeys (Playwright + Debian Chromium) against a fresh production build.
// Every step runs even when an earlier one fails, so one run shows every problem.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { testPath } from "./test-prerequisites";

const root = path.join(__dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
// The machine's kubectl first (tests rely on its version choice), the extracted one as fallback.
const env: Record<string, string | undefined> = { ...process.env, PATH: testPath(), NEXT_TELEMETRY_DISABLED: "1", VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" };

interface Step {
  name: string;
  command: string;
  args: string[];
  /** Steps later ones depend on: if they fail, the run stops. */
  required?: boolean;
}

const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
const steps: Step[] = [
  { name: "prisma generate", command: process.execPath, args: ["node_modules/prisma/build/index.js", "generate"], required: true },
  // Real helm v4 and kubectl v1.34 into .tools/bin/ (tests look them up with kubeToolPath).
  { name: "kube tools (helm, kubectl)", command: bin("tsx"), args: ["scripts/kube-tools.ts"], required: true },
  // Chromium and a CJK font (apt-get as root; otherwise says what to install).
  { name: "test prerequisites", command: bin("tsx"), args: ["scripts/test-prerequisites.ts"], required: true },
  ...(pkg.scripts["build:agent"] ? [{ name: "build agent", command: "npm", args: ["run", "--silent", "build:agent"], required: true }] : []),
  { name: "typecheck", command: bin("tsc"), args: ["--noEmit", "-p", "."] },
  { name: "lint", command: bin("eslint"), args: ["--max-warnings", "0", "."] },
  { name: "unit, integration and fault tests", command: bin("vitest"), args: ["run"] },
  { name: "next build", command: bin("next"), args: ["build"], required: true },
  { name: "e2e journeys", command: bin("playwright"), args: ["test"] },
];

const results: Array<{ name: string; ok: boolean; seconds: number }> = [];
for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const started = Date.now();
  const run = spawnSync(step.command, step.args, {
    cwd: root,
    stdio: "inherit",
    // `prisma generate` needs some DATABASE_URL to exist (it never connects).
    env: (step.name === "prisma generate" ? { DATABASE_URL: "postgresql://outpost@localhost/outpost", ...env } : env) as NodeJS.ProcessEnv,
  });
  const ok = run.status === 0;
  results.push({ name: step.name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  if (!ok && step.required) {
    console.error(`✗ ${step.name} failed; later steps need it, stopping.`);
    break;
  }
}

console.log("\nSummary");
for (const r of results) console.log(`  ${r.ok ? "✓" : "✗"} ${r.name} (${r.seconds} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 && results.length === steps.length ? 0 : 1);
