import "server-only";
import { execFile } from "node:child_process";
import path from "node:path";
import pg from "pg";

// Serialises migrations of replicas starting together (Prisma's own advisory lock gives up
// after 10 s, so a second replica would fail while the first is still migrating).
const MIGRATION_LOCK_KEY = 0x6f757472; // "outr"

function migrateDeploy(databaseUrl: string, root: string): Promise<void> {
  const cli = path.join(root, "node_modules/prisma/build/index.js");
  return new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, "migrate", "deploy"],
      { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" }, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`Database migration failed: ${(stderr || stdout).trim().slice(-3000)}`));
        else resolve();
      },
    );
  });
}

/**
 * Applies pending migrations (`prisma migrate deploy`, through prisma.config.ts's pg
 * adapter) to the database at `databaseUrl`, one replica at a time: the others wait on a
 * PostgreSQL advisory lock, then find nothing left to apply. Throws with Prisma's output
 * on failure.
 */
export async function migrateDatabase(databaseUrl: string, root = process.cwd()): Promise<void> {
  const lock = new pg.Client({ connectionString: databaseUrl, application_name: "outpost-migrate" });
  lock.on("error", () => undefined);
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migrateDeploy(databaseUrl, root);
  } finally {
    await lock.end().catch(() => undefined);
  }
}
