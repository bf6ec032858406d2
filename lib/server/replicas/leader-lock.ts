import "server-only";
import pg from "pg";
import { log } from "../log/logger";

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
  let client: pg.Client | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const set = (leader: boolean) => {
    if (holder.leader === leader) return;
    holder.leader = leader;
    log.info(leader ? "This replica is now the leader (runs the run-once jobs)" : "This replica is no longer the leader");
    onChange(leader);
  };
  const attempt = async () => {
    timer = undefined;
    if (stopped) return;
    try {
      if (!client) {
        const c = new pg.Client({ connectionString: databaseUrl, application_name: "outpost-leader" });
        c.on("error", () => undefined);
        c.on("end", () => {
          if (client === c) client = undefined;
          set(false);
          if (!stopped) timer ??= setTimeout(() => void attempt(), RETRY_MS);
        });
        await c.connect();
        client = c;
      }
      const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [LEADER_LOCK_KEY]);
      set(rows[0]?.locked === true);
    } catch (error) {
      log.warn(`leader lock attempt failed: ${error instanceof Error ? error.message : String(error)}`);
      set(false);
    }
    if (!stopped && !holder.leader) timer ??= setTimeout(() => void attempt(), RETRY_MS);
  };
  await attempt();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    set(false);
    await client?.end().catch(() => undefined);
  };
}
