// Compiles the console process (server.ts and the lib/server modules it loads) to one
// JavaScript file, dist/server.js, for the container image: no TypeScript compiler or tsx at
// run time. Next.js pages and route handlers are compiled separately by `next build`.
//   npm run build:server [-- <outfile>]
import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

// tsx runs this file as CommonJS (package.json has no "type": "module").
const root = path.resolve(__dirname, "..");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string; dependencies: Record<string, string> };

async function main(): Promise<void> {
  const outfile = path.resolve(process.argv[2] ?? path.join(root, "dist/server.js"));
  await build({
    entryPoints: [path.join(root, "server.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    tsconfig: path.join(root, "tsconfig.json"),
    // Runtime dependencies stay in node_modules (the image installs them with
    // `npm ci --omit=dev`); only our own code is compiled in.
    external: [...Object.keys(pkg.dependencies).filter((name) => name !== "server-only"), "bufferutil", "utf-8-validate"],
    // `import "server-only"` guards lib/server against client bundles; in this bundle it
    // is an empty module, as scripts/register-server-only.cjs makes it under tsx.
    alias: { "server-only": path.join(root, "scripts/server-only-empty.cjs") },
    banner: { js: `// outpost console ${pkg.version} — compiled by scripts/build-server.ts; do not edit.` },
    legalComments: "none",
    logLevel: "warning",
  });
  console.log(`built ${path.relative(process.cwd(), outfile)} (${pkg.version})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
