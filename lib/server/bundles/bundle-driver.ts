import "server-only";
import { prisma } from "../db/prisma";
import { log } from "../log/logger";
import { isLeader } from "../replicas/leader-lock";
import { reconcileBundle } from "./reconcile-bundle";

const KEY = Symbol.for("outpost.bundleDriver");
type Holder = { [KEY]?: { kick: () => void } };

/** Runs the driver's next pass now (after an API change) instead of at its next interval. */
export function kickBundleDriver(): void {
  (globalThis as Holder)[KEY]?.kick();
}

/**
 * The rollout driver: every `intervalMs` (and when kicked), on the leader replica only,
 * one reconcile pass per bundle that is not aborted (or is being deleted). Passes never overlap; everything it
 * knows is in Postgres, so another replica (or this one after a restart) continues where
 * it stopped. Returns the stop function.
 */
export function startBundleDriver(opts: { intervalMs?: number; driftCheckMs?: number } = {}): () => Promise<void> {
  const intervalMs = opts.intervalMs ?? 2_000;
  const driftCheckMs = opts.driftCheckMs ?? 30_000;
  // When each bundle × cluster was last checked for drift (in memory: after a restart the
  // first pass checks everything once, which is harmless).
  const checkedAt = new Map<string, number>();
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const pass = async () => {
    if (!isLeader()) return;
    const bundles = await prisma.bundle.findMany({ where: { OR: [{ status: { not: "aborted" } }, { deletingAt: { not: null } }] }, select: { id: true }, orderBy: { createdAt: "asc" } });
    for (const b of bundles) {
      if (stopped) return;
      const due = (clusterId: string) => {
        const key = `${b.id}/${clusterId}`;
        if (Date.now() - (checkedAt.get(key) ?? 0) < driftCheckMs) return false;
        checkedAt.set(key, Date.now());
        return true;
      };
      await reconcileBundle(b.id, due).catch((error: unknown) => log.warn(`bundle ${b.id}: reconcile failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  };
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = pass()
      .catch((error: unknown) => log.warn(`bundle driver pass failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = undefined;
        if (stopped) return;
        if (again) {
          again = false;
          run();
        } else timer = setTimeout(run, intervalMs);
      });
  };
  (globalThis as Holder)[KEY] = { kick: run };
  timer = setTimeout(run, 0);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    if ((globalThis as Holder)[KEY]?.kick === run) delete (globalThis as Holder)[KEY];
    await running;
  };
}
