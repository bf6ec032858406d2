import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "../db/prisma";
import { log } from "../log/logger";

/** A lease unrenewed for this long is void: its replica is gone. */
export const LEASE_TTL_MS = 15_000;
const RENEW_MS = 5_000;
const REMOTE_REFRESH_MS = 2_000;
const CLAIM_FLUSH_MS = 50;

export interface RemoteOwner {
  replicaId: string;
  peerUrl: string;
}

interface LeaseState {
  replicaId: string;
  peerUrl: string;
  /** Live leases of other replicas, refreshed every 2 s. */
  remote: Map<string, RemoteOwner>;
  /** Clusters whose lease names this replica, with when it was last renewed (ms). */
  mine: Map<string, number>;
  pendingClaims: Set<string>;
  flush?: NodeJS.Timeout;
  timers: NodeJS.Timeout[];
  localIds: () => string[];
  onLost: (clusterId: string) => void;
}

// Process-wide, like the tunnel registry it complements. Absent until the console starts
// coordination: then claims and lookups are no-ops (unit tests, tools).
const KEY = Symbol.for("outpost.tunnel-leases");
type Holder = { [KEY]?: LeaseState };
const state = (): LeaseState | undefined => (globalThis as Holder)[KEY];

const UTC_NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

async function flushClaims(s: LeaseState): Promise<void> {
  s.flush = undefined;
  const ids = [...s.pendingClaims];
  s.pendingClaims.clear();
  if (ids.length === 0) return;
  const rows = ids.map((id) => Prisma.sql`(${id}, ${s.replicaId}, ${s.peerUrl})`);
  // The newest claim wins: an agent that reconnected to this replica takes its cluster over
  // from the replica it left, even while that one's lease has not expired yet.
  await prisma.$executeRaw`
    INSERT INTO tunnel_leases ("clusterId", "replicaId", "peerUrl", "claimedAt", "expiresAt")
    SELECT v.id, v.replica, v.peer, ${UTC_NOW}, ${UTC_NOW} + make_interval(secs => ${LEASE_TTL_MS / 1000})
    FROM (VALUES ${Prisma.join(rows)}) AS v(id, replica, peer)
    ON CONFLICT ("clusterId") DO UPDATE SET "replicaId" = EXCLUDED."replicaId", "peerUrl" = EXCLUDED."peerUrl",
      "claimedAt" = EXCLUDED."claimedAt", "expiresAt" = EXCLUDED."expiresAt"`;
  const now = Date.now();
  for (const id of ids) {
    s.mine.set(id, now);
    s.remote.delete(id);
  }
}

/** Records that this replica now holds the cluster's tunnel (batched, at most every 50 ms). */
export function claimLease(clusterId: string): void {
  const s = state();
  if (!s) return;
  s.pendingClaims.add(clusterId);
  s.remote.delete(clusterId);
  s.flush ??= setTimeout(() => {
    if (state() !== s) return;
    flushClaims(s).catch((error: unknown) => log.warn(`tunnel lease claim failed (retried at the next renewal): ${String(error)}`));
  }, CLAIM_FLUSH_MS);
}

/** Whether lease keeping runs (a started console; not unit tests or tools). */
export function coordinationActive(): boolean {
  return state() !== undefined;
}

/** The replica holding a cluster's tunnel when it is another one with a live lease. */
export function remoteOwner(clusterId: string): RemoteOwner | undefined {
  return state()?.remote.get(clusterId);
}

/**
 * Whether this replica decides the cluster's state: its lease names this replica (the
 * tunnel may have just dropped — the replica that saw it drop applies the grace), or, on
 * the leader, no live lease names another replica.
 */
export function decidesStateOf(clusterId: string, leader: boolean): boolean {
  const s = state();
  if (!s) return true;
  if (s.remote.has(clusterId)) return false;
  return leader || s.mine.has(clusterId);
}

async function renew(s: LeaseState): Promise<void> {
  const local = s.localIds();
  const now = Date.now();
  if (local.length > 0) {
    const renewed = await prisma.$queryRaw<Array<{ clusterId: string }>>`
      UPDATE tunnel_leases SET "expiresAt" = ${UTC_NOW} + make_interval(secs => ${LEASE_TTL_MS / 1000})
      WHERE "replicaId" = ${s.replicaId} AND "clusterId" = ANY(${local}) RETURNING "clusterId"`;
    const done = new Set(renewed.map((r) => r.clusterId));
    for (const id of done) s.mine.set(id, now);
    const missing = local.filter((id) => !done.has(id) && !s.pendingClaims.has(id));
    if (missing.length > 0) {
      const rows = await prisma.$queryRaw<Array<{ clusterId: string; replicaId: string }>>`
        SELECT "clusterId", "replicaId" FROM tunnel_leases WHERE "clusterId" = ANY(${missing})`;
      const taken = new Map(rows.map((r) => [r.clusterId, r.replicaId]));
      for (const id of missing) {
        if (taken.has(id)) {
          // Another replica claimed it later: the agent reconnected there, so our tunnel is stale.
          s.mine.delete(id);
          s.onLost(id);
        } else claimLease(id);
      }
    }
  }
  // Leases of tunnels that left this replica stop counting as ours once they expire.
  const localSet = new Set(local);
  for (const [id, at] of s.mine) if (!localSet.has(id) && now - at > LEASE_TTL_MS) s.mine.delete(id);
}

async function refreshRemote(s: LeaseState): Promise<void> {
  const rows = await prisma.$queryRaw<Array<{ clusterId: string; replicaId: string; peerUrl: string }>>`
    SELECT "clusterId", "replicaId", "peerUrl" FROM tunnel_leases
    WHERE "replicaId" <> ${s.replicaId} AND "expiresAt" > ${UTC_NOW}`;
  const local = new Set(s.localIds());
  s.remote = new Map(rows.filter((r) => !local.has(r.clusterId)).map((r) => [r.clusterId, { replicaId: r.replicaId, peerUrl: r.peerUrl }]));
  for (const r of rows) if (!local.has(r.clusterId)) s.mine.delete(r.clusterId);
}

/**
 * Starts lease keeping for this replica: renews its leases every 5 s (closing a local
 * tunnel whose cluster another replica has claimed since), and refreshes the map of
 * clusters held elsewhere every 2 s. Leases this replica id left behind in an earlier life
 * are dropped first. Returns the stop function (leases then expire on their own, so agents
 * moving to other replicas during a rolling restart never leave a cluster unowned).
 */
export async function startTunnelLeases(opts: {
  replicaId: string;
  peerUrl: string;
  localIds: () => string[];
  onLost: (clusterId: string) => void;
}): Promise<() => void> {
  await prisma.$executeRaw`DELETE FROM tunnel_leases WHERE "replicaId" = ${opts.replicaId}`;
  const s: LeaseState = { ...opts, remote: new Map(), mine: new Map(), pendingClaims: new Set(), timers: [] };
  (globalThis as Holder)[KEY] = s;
  for (const id of opts.localIds()) claimLease(id);
  await refreshRemote(s);
  const every = (ms: number, job: (s: LeaseState) => Promise<void>, what: string) => {
    let running = false;
    const t = setInterval(() => {
      if (running) return;
      running = true;
      job(s)
        .catch((error: unknown) => log.warn(`${what} failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => (running = false));
    }, ms);
    t.unref();
    s.timers.push(t);
  };
  every(RENEW_MS, renew, "tunnel lease renewal");
  every(REMOTE_REFRESH_MS, refreshRemote, "tunnel lease refresh");
  return () => {
    for (const t of s.timers) clearInterval(t);
    clearTimeout(s.flush);
    if (state() === s) (globalThis as Holder)[KEY] = undefined;
  };
}
