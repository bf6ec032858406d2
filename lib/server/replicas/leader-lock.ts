import "server-only";
import type pg from "pg";
import { log } from "../log/logger";
import { keepDedicatedConnection } from "./dedicated-connection";

// One fixed advisory-lock key for "the replica that runs the run-once jobs".
const LEADER_LOCK_KEY = 0x6f757470; // "outp"
const RETRY_MS = 5_000;

const KEY = Symbol.for("outpost.leader");
type Holder = { [KEY]?: { leader: boolean } };

/** Whether this process holds the leader lock now (always true before coordination starts: one process). */
export function isLeader(): boolean {
  return (globalThis as Holder)[KEY]?.leader ?? true;
}

/**
 * Competes for leadership with `pg_try_advisory_lock` on a dedicated connection: the lock
 * is held as long as that session lives, so a replica that dies (or loses its database
 * connection) releases it and another one takes over within `RETRY_MS`. No home-made
 * consensus: PostgreSQL decides. Resolves after the first attempt with the stop function
 * (which closes the session).
 */
export async function startLeaderLock(databaseUrl: string, onChange: (leader: boolean) => void = () => undefined): Promise<() => Promise<void>> {
  const holder: { leader: boolean } = ((globalThis as Holder)[KEY] = { leader: false });
  const set = (leader: boolean) => {
    if (holder.leader === leader) return;
    holder.leader = leader;
    log.info(leader ? "This replica is now the leader (runs the run-once jobs)" : "This replica is no longer the leader");
    onChange(leader);
  };
  const tryLock = async (client: pg.Client) => {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [LEADER_LOCK_KEY]);
    set(rows[0]?.locked === true);
  };
  const session = keepDedicatedConnection({ databaseUrl, applicationName: "outpost-leader", onConnect: tryLock, onLost: () => set(false) });
  // A follower with a live session asks again until the leader's session ends.
  const timer = setInterval(() => {
    const client = session.client();
    if (holder.leader || !client) return;
    tryLock(client).catch((error: unknown) => log.warn(`leader lock attempt failed: ${error instanceof Error ? error.message : String(error)}`));
  }, RETRY_MS);
  timer.unref();
  await session.ready;
  return async () => {
    clearInterval(timer);
    set(false);
    await session.stop();
  };
}
