import "server-only";
import { execFile } from "node:child_process";
import path from "node:path";

/**
 * Applies pending migrations (`prisma migrate deploy`, through prisma.config.ts's pg
 * adapter) to the database at `databaseUrl`. Throws with Prisma's output on failure.
 */
export async function migrateDatabase(databaseUrl: string, root = process.cwd()): Promise<void> {
  const cli = path.join(root, "node_modules/prisma/build/index.js");
  await new Promise<void>((resolve, reject) => {
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
