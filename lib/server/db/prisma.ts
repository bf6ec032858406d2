import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";

const KEY = Symbol.for("outpost.prisma");
type Holder = { [KEY]?: PrismaClient };

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL, max: 20 }) });
}

/**
 * The one Prisma client of the process (shared through globalThis between server.ts and
 * Next's bundles). Connects lazily; DATABASE_URL must be set before the first query
 * (server.ts sets it to the embedded Postgres URL when the user did not).
 */
export const prisma: PrismaClient = ((globalThis as Holder)[KEY] ??= createClient());

export type { PrismaClient };
export type TransactionClient = Prisma.TransactionClient;
