// Prisma CLI configuration: migrations run through the JS/wasm schema engine over `pg`,
// because Prisma's native engines cannot be downloaded on our machines.
// Every work-around below is explained in docs/PRISMA.md ("Three defects of
// adapter-pg 6.19.x"); keep them here so a Prisma upgrade touches one file.
import "dotenv/config";
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";

// Defect 3: the wasm engine leaves 10 s / 60 s timers pending, so migrate commands would
// linger after finishing. Unref long timers in this (CLI) process only.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const timer = originalSetTimeout(fn, ms, ...args);
  if ((ms ?? 0) >= 5_000) timer.unref();
  return timer;
}) as typeof setTimeout;

const databaseUrl = process.env.DATABASE_URL ?? "postgresql://outpost@localhost:5432/outpost";

// Defect 1: catalog columns of type `name` (OID 19) and `"char"` (OID 18) cannot be
// deserialized by the adapter (prisma/orm#27403). Report them as `text` (OID 25).
function withTextCatalogTypes(pool: pg.Pool): pg.Pool {
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<pg.QueryResult>;
  const patched = async (...args: unknown[]) => {
    const result = await query(...args);
    for (const field of result.fields ?? []) {
      if (field.dataTypeID === 19 || field.dataTypeID === 18) field.dataTypeID = 25;
    }
    return result;
  };
  (pool as unknown as { query: typeof patched }).query = patched;
  return pool;
}

function poolFor(database?: string): pg.Pool {
  const config: pg.PoolConfig = { connectionString: databaseUrl, max: 2 };
  if (database) {
    // Defect 2: with a connectionString the shadow adapter ignores the database name;
    // give explicit fields so the shadow really is a separate database.
    const url = new URL(databaseUrl);
    const params = url.searchParams;
    return withTextCatalogTypes(
      new pg.Pool({
        host: params.get("host") ?? (url.hostname || "localhost"),
        port: Number(url.port || 5432),
        user: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
        database,
        max: 2,
      }),
    );
  }
  return withTextCatalogTypes(new pg.Pool(config));
}

const migrationAdapter = {
  provider: "postgres" as const,
  adapterName: "@prisma/adapter-pg",
  connect: async () => new PrismaPg(poolFor()).connect(),
  // Defect 2 (continued): create a uniquely named shadow database, connect with explicit
  // fields, and on dispose close our pool first, then DROP ... WITH (FORCE).
  connectToShadowDb: async () => {
    const admin = poolFor();
    const name = `outpost_shadow_${randomUUID().replaceAll("-", "")}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const shadowPool = poolFor(name);
    const adapter = await new PrismaPg(shadowPool).connect();
    adapter.dispose = async () => {
      await shadowPool.end();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
    return adapter;
  },
};

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => migrationAdapter,
});
