import "server-only";
import { Prisma, type Cluster } from "@/lib/generated/prisma/client";
import { prisma } from "../db/prisma";
import { SYSTEM_ACTOR } from "../audit/record-audit-event";
import { redactSecrets } from "../audit/redact-secrets";
import { log } from "../log/logger";
import { isLeader } from "../replicas/leader-lock";
import { decidesStateOf } from "../replicas/tunnel-leases";
import { connectedClusterIds } from "../tunnel/tunnel-registry";
import { notifyClusterChanged } from "./cluster-change-events";
import { clusterRuntime } from "./cluster-runtime-state";
import { DISCONNECT_GRACE_MS, deriveClusterState } from "./derive-cluster-state";
import { probeClusterReadiness } from "./probe-cluster-readiness";

const PROBE_CONCURRENCY = 64;
/** lastSeenAt is written at most this often per cluster (one batched UPDATE per pass). */
const LAST_SEEN_WRITE_MS = 10_000;

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

async function probe(clusterId: string): Promise<void> {
  const error = await probeClusterReadiness(clusterId);
  const runtime = clusterRuntime(clusterId);
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

const STATE_WRITE_CHUNK = 200;

async function applyStates(clusters: Cluster[], now: number): Promise<void> {
  const changes = clusters.flatMap((cluster) => {
    const derived = deriveClusterState(cluster.connectedAt !== null, clusterRuntime(cluster.id), now, cluster.state);
    return derived.state === cluster.state && derived.reason === cluster.stateReason ? [] : [{ cluster, derived }];
  });
  // Batched, non-interactive transactions: after a console restart thousands of clusters
  // may change at once, and one round trip per cluster would stall the monitor for minutes.
  for (let i = 0; i < changes.length; i += STATE_WRITE_CHUNK) {
    const chunk = changes.slice(i, i + STATE_WRITE_CHUNK);
    const transitions = chunk.filter((c) => c.derived.state !== c.cluster.state);
    await prisma.$transaction([
      ...chunk.map(({ cluster, derived }) =>
        prisma.cluster.update({
          where: { id: cluster.id },
          data: { state: derived.state, stateReason: derived.reason, ...(derived.state !== cluster.state ? { stateSince: new Date(now) } : {}) },
        }),
      ),
      prisma.auditEvent.createMany({
        data: transitions.map(({ cluster, derived }) => ({
          actorId: SYSTEM_ACTOR.id,
          actorName: SYSTEM_ACTOR.name,
          action: "cluster.state",
          targetType: "cluster",
          targetId: cluster.id,
          targetName: cluster.name,
          details: redactSecrets({ from: cluster.state, to: derived.state, reason: derived.reason }),
        })),
      }),
    ]);
    notifyClusterChanged(chunk.map(({ cluster }) => cluster.id));
    for (const { cluster, derived } of transitions) {
      log.info(`cluster ${cluster.name}: ${cluster.state} → ${derived.state}${derived.reason ? ` (${derived.reason})` : ""}`);
    }
  }
}

/** One pass: probe connected clusters, record last-seen, derive and store state changes (all, or only `only`). */
export async function runStatePass(only?: string[]): Promise<void> {
  const connected = connectedClusterIds().filter((id) => !only || only.includes(id));
  await mapLimit(connected, PROBE_CONCURRENCY, probe);
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
}

/**
 * Keeps every cluster's state true to the facts: every `intervalMs` (default 5 s) probes
 * /readyz through each live tunnel (bounded concurrency) and derives states. `check(id)`
 * runs a pass for one cluster at once (an agent just connected or left).
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
      clearTimeout(flush);
      for (const t of timers) clearTimeout(t);
      await running;
    },
  };
}
