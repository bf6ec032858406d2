import "server-only";
import { prisma } from "../db/prisma";
import { log } from "../log/logger";
import { openLongLivedStreams, type LongLivedStream } from "./long-lived-streams";

/** How often open streams are re-checked: access withdrawn ends them within this (+ one query). */
export const WITHDRAWAL_CHECK_MS = 2_000;

/**
 * Ends every long-lived stream whose principal lost access since it opened: user disabled
 * or deleted, role changed, API token revoked or expired, session signed out or expired.
 * Reads Postgres (three indexed lookups for all open streams together), so withdrawals
 * made through any console replica, or directly in the database, are seen. Returns how
 * many streams it ended.
 */
export async function endWithdrawnStreams(now = new Date()): Promise<number> {
  const streams = openLongLivedStreams();
  if (streams.length === 0) return 0;
  const ids = (pick: (s: LongLivedStream) => string | null) => [...new Set(streams.map(pick).filter((v): v is string => v !== null))];
  const [users, tokens, sessions] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: ids((s) => s.userId) } }, select: { id: true, role: true, disabledAt: true } }),
    prisma.apiToken.findMany({ where: { id: { in: ids((s) => s.tokenId) } }, select: { id: true, expiresAt: true } }),
    prisma.session.findMany({ where: { id: { in: ids((s) => s.sessionId) } }, select: { id: true, expiresAt: true } }),
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const liveTokens = new Set(tokens.filter((t) => !t.expiresAt || t.expiresAt > now).map((t) => t.id));
  const liveSessions = new Set(sessions.filter((s) => s.expiresAt > now).map((s) => s.id));
  let ended = 0;
  for (const stream of streams) {
    const user = userById.get(stream.userId);
    const reason = !user || user.disabledAt
      ? "user disabled"
      : user.role !== stream.role
        ? "role changed"
        : stream.tokenId && !liveTokens.has(stream.tokenId)
          ? "API token revoked"
          : stream.sessionId && !liveSessions.has(stream.sessionId)
            ? "signed out"
            : null;
    if (!reason) continue;
    stream.end(reason);
    ended++;
  }
  if (ended > 0) log.info(`ended ${ended} long-lived stream(s) whose access was withdrawn`);
  return ended;
}

/** Runs {@link endWithdrawnStreams} every {@link WITHDRAWAL_CHECK_MS}; returns the stop function. */
export function startWithdrawalSweep(intervalMs = WITHDRAWAL_CHECK_MS): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    endWithdrawnStreams()
      .catch((error: unknown) => log.warn(`checking open streams for withdrawn access failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
