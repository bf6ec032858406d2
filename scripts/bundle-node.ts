// One way to compile a TypeScript entry point of this repository into a single JavaScript
// file for Node.js 20 (the agent, and the console process for its container image).
import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

// tsx runs this file as CommonJS (package.json has no "type": "module").
export const repoRoot = path.resolve(__dirname, "..");
export const packageJson = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string; dependencies: Record<string, string> };

export interface NodeBundle {
  /** Entry point, relative to the repository root. */
  entry: string;
  /** Output file; the first command-line argument overrides it. */
  outfile: string;
  /** What the program is called in the banner and the build message. */
  title: string;
  /** The script that builds it, named in the banner. */
  builtBy: string;
  /** Modules left to node_modules at run time. */
  external: string[];
  define?: Record<string, string>;
  alias?: Record<string, string>;
}

/** Bundles one program (ES2022, CommonJS, Node 20) and prints what it wrote; exits 1 on failure. */
export function bundleForNode(spec: NodeBundle): void {
  const outfile = path.resolve(process.argv[2] ?? path.join(repoRoot, spec.outfile));
  build({
    entryPoints: [path.join(repoRoot, spec.entry)],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    tsconfig: path.join(repoRoot, "tsconfig.json"),
    external: spec.external,
    define: spec.define,
    alias: spec.alias,
    banner: { js: `// ${spec.title} ${packageJson.version} — built by ${spec.builtBy}; do not edit.` },
    legalComments: "none",
    logLevel: "warning",
  }).then(
    () => console.log(`built ${path.relative(process.cwd(), outfile)} (${packageJson.version})`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
