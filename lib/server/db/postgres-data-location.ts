import "server-only";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Where embedded PostgreSQL keeps its files when the data directory is out of its reach. */
export const DEFAULT_POSTGRES_FALLBACK_BASE = "/var/lib/outpost";

/** Whether the OS user `owner` can traverse into `dir`'s parent (checked in a child process running as that user). */
export function reachableBy(owner: { uid: number; gid: number }, dir: string): boolean {
  try {
    const check = `process.setgid(${owner.gid}); process.setuid(${owner.uid}); require("fs").accessSync(${JSON.stringify(path.dirname(dir))}, require("fs").constants.X_OK)`;
    execFileSync(process.execPath, ["-e", check], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * The directory embedded PostgreSQL lives in: `<dataDir>/postgres`, unless Outpost runs as
 * root (Postgres then runs as the OS user `postgres`) and that user cannot traverse the
 * path — a checkout under /root or a `mktemp -d` folder. Then Postgres lives under
 * `<fallbackBase>/postgres-<hash of dataDir>` (root-owned, 0711, traversable), the choice is
 * recorded in `<dataDir>/postgres-location` (backups and people look there) and `log`
 * says where. Existing data under `<dataDir>/postgres` is always kept in place.
 */
export function choosePostgresRoot(
  dataDir: string,
  owner: { uid: number; gid: number } | undefined,
  log: (line: string) => void,
  fallbackBase: string = process.env.OUTPOST_POSTGRES_FALLBACK_DIR ?? DEFAULT_POSTGRES_FALLBACK_BASE,
): string {
  const preferred = path.resolve(dataDir, "postgres");
  const pointer = path.join(path.resolve(dataDir), "postgres-location");
  // Created as before (0711: traversable, not listable) so the check sees the real path.
  fs.mkdirSync(path.resolve(dataDir), { recursive: true, mode: 0o711 });
  if (!owner || reachableBy(owner, preferred)) return preferred;
  const fallback = path.join(path.resolve(fallbackBase), `postgres-${createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 12)}`);
  fs.mkdirSync(path.dirname(fallback), { recursive: true, mode: 0o711 });
  if (!reachableBy(owner, fallback)) {
    throw new Error(
      `PostgreSQL runs as OS user "postgres" when Outpost runs as root, and it can reach neither ${preferred} nor ${fallback}. ` +
        `Set OUTPOST_DATA_DIR (or OUTPOST_POSTGRES_FALLBACK_DIR) to a directory other users can traverse, or run Outpost as a non-root user.`,
    );
  }
  fs.writeFileSync(pointer, `${fallback}\n`);
  log(`PostgreSQL data is in ${fallback}: the OS user "postgres" cannot traverse ${path.dirname(preferred)} (recorded in ${pointer})`);
  return fallback;
}

/** Where the embedded PostgreSQL of a console on `dataDir` lives (the recorded fallback, else `<dataDir>/postgres`). */
export function recordedPostgresRoot(dataDir: string): string {
  const pointer = path.join(path.resolve(dataDir), "postgres-location");
  return fs.existsSync(pointer) ? fs.readFileSync(pointer, "utf8").trim() : path.resolve(dataDir, "postgres");
}
