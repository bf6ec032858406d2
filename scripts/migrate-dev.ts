// Creates a new migration from prisma/schema.prisma: `npm run db:migrate:dev -- <name>`.
// Runs `prisma migrate dev` against a throw-away embedded Postgres, so no database setup
// is needed (DATABASE_URL, when set, is used instead).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/server/db/embedded-postgres";

async function main() {
  const name = process.argv[2] ?? "change";
  const dir = path.resolve(".outpost-migrate");
  const db = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: dir });
  try {
    execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "dev", "--name", name], {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? db!.url },
    });
  } finally {
    await db?.stop();
    if (db) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
