// The demo's data directory: wiped at every run, but only when the demo made it. A
// directory the demo did not create (a user's OUTPOST_DATA_DIR, a typo pointing at $HOME)
// is never deleted: the demo stops and says so.
import fs from "node:fs";
import path from "node:path";

/** File the demo writes into a data directory it created; only such directories are wiped. */
export const DEMO_MARKER = ".outpost-demo-data";

/**
 * Prepares `dir` for a fresh demo run: creates it (with the marker) when missing or empty,
 * wipes and recreates it when it holds the marker, and throws when it holds anything else.
 */
export function prepareDemoDataDir(dir: string): void {
  const entries = fs.existsSync(dir) ? readEntries(dir) : [];
  if (entries.length > 0 && !entries.includes(DEMO_MARKER)) {
    throw new Error(
      `${dir} exists and was not created by the demo, so it is left alone. ` +
        "Unset OUTPOST_DATA_DIR (the demo then uses ./.outpost-demo) or point it at a new directory.",
    );
  }
  if (entries.length > 0) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, DEMO_MARKER), "Created by `npm run demo`; wiped at the next run.\n");
}

function readEntries(dir: string): string[] {
  if (!fs.statSync(dir).isDirectory()) throw new Error(`${dir} is not a directory; the demo needs a directory for its data`);
  return fs.readdirSync(dir);
}
