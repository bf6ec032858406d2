// Runs before each integration test file: a fresh database cloned from the migrated
// template, and the runtime context server.ts would set (config, console CA).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { loadConfig } from "@/lib/server/config/load-config";
import { disconnectPrisma } from "@/lib/server/db/prisma";
import { setRuntimeContext } from "@/lib/server/runtime/runtime-context";
import { ensureConsoleTls } from "@/lib/server/tls/ensure-console-tls";

const serverUrl = inject("testDatabaseServerUrl");
const template = inject("testDatabaseTemplate");
const database = `outpost_test_${randomBytes(6).toString("hex")}`;

function urlFor(db: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${db}`;
  return u.toString();
}

const admin = new pg.Client({ connectionString: urlFor("postgres") });
await admin.connect();
await admin.query(`CREATE DATABASE ${database} TEMPLATE ${template}`);
await admin.end();
process.env.DATABASE_URL = urlFor(database);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-test-"));
const config = loadConfig({ OUTPOST_DATA_DIR: dataDir, OUTPOST_PORT: "8443" });
const tls = await ensureConsoleTls(config);
setRuntimeContext({ config, caPem: tls.caPem, caChecksum: tls.caChecksum, startedAt: new Date() });

afterAll(async () => {
  await disconnectPrisma();
  const client = new pg.Client({ connectionString: urlFor("postgres") });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await client.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
