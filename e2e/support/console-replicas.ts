// Several console replicas on one PostgreSQL, for the scale-out journey. The database is a
// private embedded PostgreSQL started here (the same code `npm start` uses).
import "../../scripts/register-server-only.cjs";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { loadConfig } from "../../lib/server/config/load-config";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../lib/server/db/embedded-postgres";
import { ensureConsoleTls } from "../../lib/server/tls/ensure-console-tls";
import { ROOT, startConsoleProcess, type ConsoleProcess } from "./console-process";

export const REPLICAS_DIR = path.join(ROOT, ".outpost-e2e-replicas");

export interface Replica {
  id: string;
  port: number;
  process?: ConsoleProcess;
}

/** A fresh PostgreSQL and the console certificate every replica is given (the chart's Secret). */
export async function startReplicaDatabase(): Promise<EmbeddedPostgres> {
  fs.rmSync(REPLICAS_DIR, { recursive: true, force: true });
  fs.mkdirSync(REPLICAS_DIR, { recursive: true, mode: 0o711 });
  await ensureConsoleTls(loadConfig({ OUTPOST_DATA_DIR: path.join(REPLICAS_DIR, "shared") }));
  return startEmbeddedPostgres({ dataDir: path.join(REPLICAS_DIR, "db"), log: () => undefined });
}

/**
 * Starts (or restarts) one replica: its own data directory, the shared database, auth
 * secret and console certificate (as the Helm chart gives every pod the same Secrets).
 */
export async function startReplica(replica: Replica, shared: { databaseUrl: string; serverUrl: string; password: string }): Promise<ConsoleProcess> {
  const tls = path.join(REPLICAS_DIR, "shared", "tls");
  const env: Record<string, string> = {
    DATABASE_URL: shared.databaseUrl,
    OUTPOST_AUTH_SECRET: "replica-journey-shared-auth-secret-0123456789",
    OUTPOST_BOOTSTRAP_PASSWORD: shared.password,
    OUTPOST_SERVER_URL: shared.serverUrl,
    OUTPOST_REPLICA_ID: replica.id,
    OUTPOST_PEER_URL: `https://127.0.0.1:${replica.port}`,
  };
  Object.assign(env, { OUTPOST_TLS_CERT_FILE: path.join(tls, "tls.crt"), OUTPOST_TLS_KEY_FILE: path.join(tls, "tls.key"), OUTPOST_TLS_CA_FILE: path.join(tls, "ca.crt") });
  replica.process = await startConsoleProcess({ port: replica.port, dataDir: path.join(REPLICAS_DIR, replica.id), fresh: false, env });
  return replica.process;
}

/** A one-off query against the replicas' database. */
export async function queryReplicaDb<T extends pg.QueryResultRow>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
