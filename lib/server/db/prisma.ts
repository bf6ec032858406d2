import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { log } from "../log/logger";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";

const KEY = Symbol.for("outpost.prisma");
type Holder = { [KEY]?: { client: PrismaClient; pool: pg.Pool } };

function client(): PrismaClient {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    // Our own pool (not one the adapter builds), so /metrics can report its usage.
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
    // An idle connection that dies (database restarted) must not crash the process.
    pool.on("error", (error) => log.warn(`database connection lost: ${error.message}`));
    holder[KEY] = { client: new PrismaClient({ adapter: new PrismaPg(pool) }), pool };
  }
  return holder[KEY].client;
}

/** Connections of the process's pool (total, idle, requests waiting), once it exists. */
export function dbPoolStats(): { total: number; idle: number; waiting: number } | undefined {
  const pool = (globalThis as Holder)[KEY]?.pool;
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : undefined;
}

/**
 * The one Prisma client of the process, shared through globalThis between server.ts and
 * Next's bundles. Created on first use, so DATABASE_URL only has to be set before the
 * first query (server.ts sets it to the embedded Postgres URL when the user did not).
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value: unknown = Reflect.get(real, property, real);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(real) : value;
  },
});

/** Ends the pool (shutdown, tests); the next use creates a new client. */
export async function disconnectPrisma(): Promise<void> {
  const holder = globalThis as Holder;
  const current = holder[KEY];
  holder[KEY] = undefined;
  await current?.client.$disconnect();
  // pool.end() waits for every checked-out connection; after a database outage one may
  // never come back, so shutdown does not wait for it longer than 2 s.
  if (current) await Promise.race([current.pool.end().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
}

export type { PrismaClient };
export type TransactionClient = Prisma.TransactionClient;
