// Bundles the agent into one file: agent/dist/outpost-agent.js (Node 20, deps inlined).
// Run with `npm run build:agent`; tests pass their own output path as the first argument so
// parallel test files never read a half-written bundle.
import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

// tsx runs this file as CommonJS (package.json has no "type": "module").
const root = path.resolve(__dirname, "..");
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };

async function main(): Promise<void> {
  const outfile = path.resolve(process.argv[2] ?? path.join(root, "agent/dist/outpost-agent.js"));
  await build({
    entryPoints: [path.join(root, "agent/src/main.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    tsconfig: path.join(root, "tsconfig.json"),
    // ws loads these native accelerators only if present; the agent runs without them.
    external: ["bufferutil", "utf-8-validate"],
    define: { __OUTPOST_AGENT_VERSION__: JSON.stringify(version) },
    banner: { js: `// outpost-agent ${version} — bundled by agent/build.ts; do not edit.` },
    legalComments: "none",
    logLevel: "warning",
  });
  console.log(`built ${path.relative(process.cwd(), outfile)} (${version})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
