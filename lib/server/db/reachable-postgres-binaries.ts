import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { PostgresBinaries } from "./postgres-binaries";
import { DEFAULT_POSTGRES_FALLBACK_BASE, reachableBy } from "./postgres-data-location";

/**
 * The PostgreSQL binaries as the OS user `owner` (postgres, when Outpost runs as root) can
 * run them. The package ships them inside node_modules; in a checkout other users cannot
 * traverse (under /root, a `mktemp -d` folder) initdb fails with EACCES. Then the package's
 * native directory (bin, lib, share; ~60 MiB, relative symlinks) is copied once to
 * `<fallbackBase>/postgres-binaries-<hash of the source and its postgres binary>` (root-owned,
 * 0755), reused by every later start, and `log` says where.
 */
export function reachablePostgresBinaries(
  binaries: PostgresBinaries,
  owner: { uid: number; gid: number } | undefined,
  log: (line: string) => void,
  fallbackBase: string = process.env.OUTPOST_POSTGRES_FALLBACK_DIR ?? DEFAULT_POSTGRES_FALLBACK_BASE,
): PostgresBinaries {
  if (!owner || reachableBy(owner, binaries.initdb)) return binaries; // postgres sits beside initdb
  const nativeDir = path.dirname(path.dirname(binaries.postgres));
  const stat = fs.statSync(binaries.postgres);
  const key = createHash("sha256").update(`${nativeDir}\n${stat.size}\n${stat.mtimeMs}`).digest("hex").slice(0, 12);
  const target = path.join(path.resolve(fallbackBase), `postgres-binaries-${key}`);
  const relocated = (dir: string): PostgresBinaries => ({
    postgres: path.join(dir, path.relative(nativeDir, binaries.postgres)),
    initdb: path.join(dir, path.relative(nativeDir, binaries.initdb)),
  });
  // A finished copy carries this marker (a copy cut short by a crash is made again).
  const done = path.join(target, ".complete");
  if (!fs.existsSync(done)) {
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o711 });
    const tmp = `${target}.tmp-${process.pid}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.cpSync(nativeDir, tmp, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    fs.chmodSync(tmp, 0o755);
    fs.writeFileSync(path.join(tmp, ".complete"), `${nativeDir}\n`);
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(tmp, target);
    log(`PostgreSQL programs copied to ${target}: the OS user "postgres" cannot traverse ${nativeDir}`);
  }
  const copy = relocated(target);
  if (!reachableBy(owner, copy.initdb)) {
    throw new Error(
      `PostgreSQL runs as OS user "postgres" when Outpost runs as root, and it can run its programs neither from ${nativeDir} nor from ${target}. ` +
        `Set OUTPOST_POSTGRES_FALLBACK_DIR to a directory other users can traverse, or run Outpost as a non-root user.`,
    );
  }
  return copy;
}
