import "server-only";
import { GIT_POLL_DEFAULT_SECONDS } from "@/lib/shared/bundles/bundle-git.schema";
import { prisma } from "../db/prisma";
import { runLimited } from "../fleet/run-limited";
import { log } from "../log/logger";
import { isLeader } from "../replicas/leader-lock";
import { kickBundleDriver } from "./bundle-driver";
import { syncGitBundle } from "./sync-git-bundle";

/** Repositories read at once (each read is a ref advertisement; a fetch only for a new commit). */
const CONCURRENCY = 4;

/**
 * One round: every Git-sourced bundle whose poll interval has passed since it was last
 * read is read now. Returns how many new revisions were created.
 */
export async function pollGitBundles(now = new Date()): Promise<number> {
  const rows = await prisma.bundle.findMany({ where: { gitUrl: { not: null }, deletingAt: null }, select: { id: true, gitCheckedAt: true, gitPollSeconds: true } });
  const due = rows.filter((b) => !b.gitCheckedAt || now.getTime() - b.gitCheckedAt.getTime() >= (b.gitPollSeconds ?? GIT_POLL_DEFAULT_SECONDS) * 1000);
  let created = 0;
  await runLimited(due, CONCURRENCY, async (b) => {
    try {
      const result = await syncGitBundle(b.id);
      if (result.revision !== null) created++;
    } catch (error) {
      log.warn(`bundle ${b.id}: reading its Git source failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  if (created > 0) kickBundleDriver();
  return created;
}

/** Polls Git sources every `tickMs` on the leader replica (each bundle at its own interval). Returns the stop function. */
export function startGitPoller(opts: { tickMs?: number } = {}): () => Promise<void> {
  const tickMs = opts.tickMs ?? 5_000;
  let stopped = false;
  let running: Promise<unknown> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    if (stopped) return;
    running = (isLeader() ? pollGitBundles() : Promise.resolve(0))
      .catch((error: unknown) => log.warn(`Git poll failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(tick, tickMs);
      });
  };
  timer = setTimeout(tick, tickMs);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
