import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";

const KEY = Symbol.for("outpost.prisma");
type Holder = { [KEY]?: PrismaClient };

function client(): PrismaClient {
  const holder = globalThis as Holder;
  holder[KEY] ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL, max: 20 }) });
  return holder[KEY];
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
  await current?.$disconnect();
}

export type { PrismaClient };
export type TransactionClient = Prisma.TransactionClient;
