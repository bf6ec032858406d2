import "server-only";
import { Prisma, type Cluster } from "@/lib/generated/prisma/client";
import { prisma } from "../db/prisma";
import { log } from "../log/logger";
import { isLeader } from "../replicas/leader-lock";
import { decidesStateOf } from "../replicas/tunnel-leases";
import { connectedClusterIds } from "../tunnel/tunnel-registry";
import { notifyClusterChanged } from "./cluster-change-events";
import { clusterRuntime } from "./cluster-runtime-state";
import { DISCONNECT_GRACE_MS, deriveClusterState } from "./derive-cluster-state";
import { probeClusterReadiness } from "./probe-cluster-readiness";
import { applyPushedReadiness } from "./pushed-readiness";
import { writeStateTransitions, type StateChange } from "./write-state-transitions";

const PROBE_CONCURRENCY = 64;
/** lastSeenAt is written at most this often per cluster (one batched UPDATE per pass). */
const LAST_SEEN_WRITE_MS = 10_000;
/** How often readiness-pushing clusters are looked at for silence (in memory, no I/O). */
const SWEEP_INTERVAL_MS = 1_000;

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

/** Readiness of one connected cluster: from its agent's reports, or (older agents) a probe through the tunnel. */
async function refreshReadiness(clusterId: string): Promise<void> {
  const runtime = clusterRuntime(clusterId);
  if (runtime.pushesReadiness) {
    runtime.verdict = applyPushedReadiness(clusterId, runtime, Date.now());
    return;
  }
  const error = await probeClusterReadiness(clusterId);
  if (error) runtime.lastProbeError = error;
  else {
    runtime.lastProbeError = undefined;
    runtime.lastReadyAt = Date.now();
  }
}

async function writeLastSeen(ids: string[], now: number): Promise<void> {
  const due = ids.filter((id) => {
    const r = clusterRuntime(id);
    return r.lastReadyAt !== undefined && !r.lastProbeError && now - (r.lastSeenWrittenAt ?? 0) >= LAST_SEEN_WRITE_MS;
  });
  if (due.length === 0) return;
  const rows = due.map((id) => Prisma.sql`(${id}, ${new Date(clusterRuntime(id).lastReadyAt!)}::timestamp)`);
  await prisma.$executeRaw`UPDATE clusters SET "lastSeenAt" = v.ts, "lastReadyAt" = v.ts FROM (VALUES ${Prisma.join(rows)}) AS v(id, ts) WHERE clusters.id = v.id`;
  for (const id of due) clusterRuntime(id).lastSeenWrittenAt = now;
}

const STATE_WRITE_CHUNK = 500;

async function applyStates(clusters: Cluster[], now: number): Promise<void> {
  const changes: StateChange[] = clusters.flatMap((cluster) => {
    const derived = deriveClusterState(cluster.connectedAt !== null, clusterRuntime(cluster.id), now, cluster.state);
    if (derived.state === cluster.state && derived.reason === cluster.stateReason) return [];
    return [{ id: cluster.id, from: cluster.state, fromReason: cluster.stateReason, to: derived.state, reason: derived.reason }];
  });
  // Batched: after a console restart thousands of clusters may change at once, and one round
  // trip per cluster would stall the monitor for minutes.
  for (let i = 0; i < changes.length; i += STATE_WRITE_CHUNK) {
    const applied = await writeStateTransitions(changes.slice(i, i + STATE_WRITE_CHUNK), new Date(now));
    notifyClusterChanged(applied.map((c) => c.id));
    for (const c of applied) {
      if (c.from !== c.to) log.info(`cluster ${c.name}: ${c.from} → ${c.to}${c.reason ? ` (${c.reason})` : ""}`);
    }
  }
}

/**
 * One pass: refresh readiness of connected clusters (pushed, or probed for older agents),
 * record last-seen, derive and store state changes (all, or only `only`). Transitions are
 * compare-and-set (write-state-transitions.ts), so overlapping passes log and audit each once.
 */
export async function runStatePass(only?: string[]): Promise<void> {
  const connected = connectedClusterIds().filter((id) => !only || only.includes(id));
  await mapLimit(connected, PROBE_CONCURRENCY, refreshReadiness);
  // Probes may overlap (a check during the periodic pass); read-derive-write does not, so a
  // pass never writes a verdict older than one another pass already stored.
  const write = writing.then(async () => {
    const now = Date.now();
    await writeLastSeen(connected, now);
    const clusters = await prisma.cluster.findMany({
      where: only ? { id: { in: only } } : { OR: [{ state: { not: "pending" } }, { id: { in: connected } }] },
    });
    // With several replicas each cluster's state is decided by one of them: the one holding
    // (or, within its lease, last holding) the tunnel, else the leader.
    const local = new Set(connected);
    const leader = isLeader();
    await applyStates(clusters.filter((c) => local.has(c.id) || decidesStateOf(c.id, leader)), now);
  });
  writing = write.catch(() => undefined);
  await write;
}

let writing: Promise<unknown> = Promise.resolve();

/** Connected readiness-pushing clusters whose verdict changed since the monitor last acted on it. */
function changedPushVerdicts(now: number): string[] {
  const changed: string[] = [];
  for (const id of connectedClusterIds()) {
    const runtime = clusterRuntime(id);
    if (!runtime.pushesReadiness) continue;
    const before = runtime.verdict;
    runtime.verdict = applyPushedReadiness(id, runtime, now);
    if (runtime.verdict !== before) changed.push(id);
  }
  return changed;
}

/**
 * Keeps every cluster's state true to the facts. Every `intervalMs` (default 5 s) a full
 * pass: readiness of each live tunnel (older agents probed with bounded concurrency), last
 * seen, states derived. Every second an in-memory sweep of readiness-pushing clusters checks
 * those whose verdict changed (a silent agent). `check(id)` runs a pass for one cluster soon
 * (an agent connected, left or reported readiness).
 */
export function startClusterStateMonitor(intervalMs = 5_000): { stop(): Promise<void>; check(clusterId: string): void } {
  let running: Promise<void> | undefined;
  let stopped = false;
  const pass = () => {
    if (running || stopped) return;
    running = runStatePass()
      .catch((error: unknown) => log.error(`cluster state pass failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  pass();
  const timers = new Set<NodeJS.Timeout>();
  // Checks requested within 100 ms are coalesced into one pass: a thousand agents
  // connecting at once cost a few passes, not a thousand.
  const pending = new Set<string>();
  let flush: NodeJS.Timeout | undefined;
  const checkNow = (clusterId: string) => {
    if (stopped) return;
    pending.add(clusterId);
    flush ??= setTimeout(() => {
      flush = undefined;
      const ids = [...pending];
      pending.clear();
      runStatePass(ids).catch((error: unknown) => log.error(`cluster state check failed: ${String(error)}`));
    }, 100);
  };
  const sweep = setInterval(() => {
    for (const id of changedPushVerdicts(Date.now())) checkNow(id);
  }, SWEEP_INTERVAL_MS);
  sweep.unref();
  return {
    check: (clusterId) => {
      checkNow(clusterId);
      // A dropped tunnel turns the cluster Unavailable right when its grace ends, not at
      // the next periodic pass (which could be up to one interval later).
      const runtime = clusterRuntime(clusterId);
      if (!runtime.connected && runtime.disconnectedAt !== undefined) {
        const delay = Math.max(0, runtime.disconnectedAt + DISCONNECT_GRACE_MS + 250 - Date.now());
        const t = setTimeout(() => {
          timers.delete(t);
          checkNow(clusterId);
        }, delay);
        t.unref();
        timers.add(t);
      }
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      clearInterval(sweep);
      clearTimeout(flush);
      for (const t of timers) clearTimeout(t);
      await running;
    },
  };
}
