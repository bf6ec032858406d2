import "server-only";
import { log } from "../log/logger";
import { isDatabaseUnavailableError, markDatabaseAvailable, markDatabaseUnavailable, databaseOutage } from "./database-availability";
import { prisma } from "./prisma";

/**
 * Checks the database every `intervalMs` with `SELECT 1` (one pooled connection, cheap)
 * and keeps the availability state that pages and routes answer 503 from: down within one
 * interval of an outage (sooner when a request or the Postgres supervisor notices), up
 * again on the first successful check — no console restart. Returns the stop function.
 */
export function watchDatabase(intervalMs = 1_000): () => void {
  let running = false;
  const check = async () => {
    try {
      await prisma.$queryRaw`SELECT 1`;
      const away = markDatabaseAvailable();
      if (away !== null) log.info(`database reachable again after ${(away / 1000).toFixed(1)} s`);
    } catch (error) {
      if (!isDatabaseUnavailableError(error)) return;
      if (!databaseOutage()) log.warn(`database unreachable: ${error instanceof Error ? error.message.split("\n").at(-1) : String(error)}`);
      markDatabaseUnavailable("the database does not answer");
    }
  };
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void check().finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
