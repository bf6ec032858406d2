import "server-only";
import { prisma } from "./prisma";

/** Round-trips `SELECT 1` with a 2 s bound; the error text carries no connection string. */
export async function checkDatabase(): Promise<{ ok: true } | { ok: false; error: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      prisma.$queryRaw`SELECT 1`,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("timed out after 2 s")), 2_000))),
    ]);
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] ?? "error" : "error";
    return { ok: false, error: message.replace(/postgres(ql)?:\/\/\S+/g, "[database url]") };
  } finally {
    clearTimeout(timer);
  }
}
