// Creates a migration from the changes in prisma/schema.prisma:
//   npm run db:migrate:dev -- <name>
// `prisma migrate dev` cannot run here (its shadow database fails with a driver adapter,
// see docs/PRISMA.md), so: apply the existing migrations to a throw-away embedded
// Postgres, introspect it (`db pull`), diff that against the schema, write the SQL as a
// new migration, and apply it to prove it works.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/server/db/embedded-postgres";

const root = path.join(__dirname, "..");
const prismaCli = path.join(root, "node_modules/prisma/build/index.js");

function prisma(args: string[], env: NodeJS.ProcessEnv): string {
  return execFileSync(process.execPath, [prismaCli, ...args], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] }).toString();
}

async function main(): Promise<void> {
  const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
  if (!name) throw new Error("usage: npm run db:migrate:dev -- <name>");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-migrate-"));
  fs.chmodSync(dir, 0o711);
  const db = await startEmbeddedPostgres({ dataDir: dir });
  const env = { ...process.env, DATABASE_URL: db.url };
  try {
    prisma(["migrate", "deploy"], env);
    const current = path.join(dir, "current.prisma");
    fs.writeFileSync(current, prisma(["db", "pull", "--print"], env).replace(/^[\s\S]*?(?=generator )/, ""));
    const sql = prisma(["migrate", "diff", "--from-schema-datamodel", current, "--to-schema-datamodel", "prisma/schema.prisma", "--script"], env);
    if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
      console.log("No schema changes: no migration written.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const target = path.join(root, "prisma/migrations", `${stamp}_${name}`);
    fs.mkdirSync(target, { recursive: true });
    fs.writeFileSync(path.join(target, "migration.sql"), sql);
    prisma(["migrate", "deploy"], env);
    prisma(["generate"], env);
    console.log(`Wrote and applied ${path.relative(root, target)}/migration.sql`);
  } finally {
    await db.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
