// Compiles the console process (server.ts and the lib/server modules it loads) to one
// JavaScript file, dist/server.js, for the container image: no TypeScript compiler or tsx at
// run time. Next.js pages and route handlers are compiled separately by `next build`.
//   npm run build:server [-- <outfile>]
import path from "node:path";
import { bundleForNode, packageJson, repoRoot } from "./bundle-node";

bundleForNode({
  entry: "server.ts",
  outfile: "dist/server.js",
  title: "outpost console",
  builtBy: "scripts/build-server.ts",
  // Runtime dependencies stay in node_modules (the image installs them with
  // `npm ci --omit=dev`); only our own code is compiled in.
  external: [...Object.keys(packageJson.dependencies).filter((name) => name !== "server-only"), "bufferutil", "utf-8-validate"],
  // `import "server-only"` guards lib/server against client bundles; in this bundle it
  // is an empty module, as scripts/register-server-only.cjs makes it under tsx.
  alias: { "server-only": path.join(repoRoot, "scripts/server-only-empty.cjs") },
});
