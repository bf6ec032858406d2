// Bundles the agent into one file: agent/dist/outpost-agent.js (Node 20, deps inlined).
// Run with `npm run build:agent`; tests pass their own output path as the first argument so
// parallel test files never read a half-written bundle.
import { bundleForNode, packageJson } from "../scripts/bundle-node";

bundleForNode({
  entry: "agent/src/main.ts",
  outfile: "agent/dist/outpost-agent.js",
  title: "outpost-agent",
  builtBy: "agent/build.ts",
  // ws loads these native accelerators only if present; the agent runs without them.
  external: ["bufferutil", "utf-8-validate"],
  define: { __OUTPOST_AGENT_VERSION__: JSON.stringify(packageJson.version) },
});
