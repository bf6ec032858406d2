import "server-only";
import { hashSearchEntries, searchItemsOf, toSearchEntries } from "@/lib/shared/fleet/search-entries";
import { clusterRuntime } from "../clusters/cluster-runtime-state";
import { prisma } from "../db/prisma";
import { log } from "../log/logger";
import { isLeader } from "../replicas/leader-lock";
import { remoteOwner } from "../replicas/tunnel-leases";
import { getTunnel } from "../tunnel/tunnel-registry";
import { buildHardwareRows } from "./build-hardware-rows";
import { buildSearchEntries } from "./build-search-entries";
import { ClusterHealthSource } from "./cluster-health-source";
import { getEdgexSummarySource, type EdgexSummaryResult } from "./edgex-summary-source";
import type { FleetConfig } from "./fleet-config";
import { pruneFleetData } from "./prune-fleet-data";
import { healthOf, notCurrentOf, pushedHealthOf, takeDirtyPushedHealth, type PushedHealth } from "./pushed-health";
import { reconcileFleetAlerts } from "./reconcile-fleet-alerts";
import { Limiter, runLimited, withTimeout } from "./run-limited";
import { SnapshotWriter, type FreshCluster, type PassResult } from "./snapshot-writer";
import { WebhookNotifier } from "./webhook-notifier";

/** Pings run every 5 s on a tunnel; silence for longer than two of them means "not current". */
const TUNNEL_QUIET_MS = 12_000;
const PRUNE_EVERY_MS = 10 * 60_000;

export interface PassStats {
  clusters: number;
  active: number;
  fresh: number;
  failed: number;
  changed: number;
  touched: number;
  alertsFired: number;
  alertsResolved: number;
  ms: number;
  /** Milliseconds per phase: reading clusters, probing them, writing, alerts, pruning. */
  phases: { read: number; probe: number; write: number; alerts: number; prune: number };
}

function tunnelIsCurrent(clusterId: string, now: number): boolean {
  const session = getTunnel(clusterId);
  return session !== undefined && now - session.stats().lastSeenAt < TUNNEL_QUIET_MS;
}

/**
 * The health collector: every pass it takes the Active, connected clusters, keeps one
 * ClusterHealthSource per cluster (list+watch caches, or relists in poll mode) with bounded
 * concurrency for everything that calls a cluster, writes the pass (SnapshotWriter),
 * reconciles alerts and notifies the webhook. Clusters that stop answering keep their last
 * snapshot, which turns stale with its age.
 */
export class FleetCollector {
  readonly sources = new Map<string, ClusterHealthSource>();
  /** Clusters whose agent pushes health: only EdgeX is still read by the console, for agents older than protocol 4. */
  private readonly pushed = new Map<string, { edgex: EdgexSummaryResult | null }>();
  /** Writes of passes and of pushed-health flushes, one at a time. */
  private writing: Promise<unknown> = Promise.resolve();
  private readonly writer: SnapshotWriter;
  private readonly limiter: Limiter;
  readonly notifier: WebhookNotifier;
  private lastPruneAt = 0;

  constructor(readonly config: FleetConfig, notifier?: WebhookNotifier) {
    this.writer = new SnapshotWriter(config.historyEveryMs);
    this.limiter = new Limiter(config.concurrency);
    this.notifier = notifier ?? new WebhookNotifier();
  }

  private source(clusterId: string): ClusterHealthSource {
    let source = this.sources.get(clusterId);
    if (!source) {
      // Its cluster-wide reads use the tunnel's reserved streams (no user can take them).
      source = new ClusterHealthSource(clusterId, this.config.timeoutMs);
      this.sources.set(clusterId, source);
      if (this.config.mode === "watch") {
        // In the background, through the limiter: a pass never waits for 10,000 initial lists.
        const started = source;
        void this.limiter.run(() => started.startWatching()).catch((error: unknown) => log.debug(`fleet: start ${clusterId}: ${String(error)}`));
      }
    }
    return source;
  }

  private drop(clusterId: string, forget = true): void {
    this.sources.get(clusterId)?.stop();
    this.sources.delete(clusterId);
    if (forget) this.writer.forget(clusterId);
  }

  private serially<T>(write: () => Promise<T>): Promise<T> {
    const next = this.writing.then(write, write);
    this.writing = next.catch(() => undefined);
    return next;
  }

  /**
   * A pushed summary as a snapshot — with the EdgeX summary the console read, for an agent
   * older than protocol 4 — or, when the agent says its caches are not current, a failure
   * that keeps the last numbers and shows them stale.
   */
  private pushedResult(clusterId: string, pushed: PushedHealth): { fresh: FreshCluster } | { failed: PassResult["failed"][number] } {
    const notCurrent = notCurrentOf(pushed.parts);
    if (notCurrent) return { failed: { clusterId, ...notCurrent } };
    return { fresh: this.pushedFresh(clusterId, pushed) };
  }

  private pushedFresh(clusterId: string, pushed: PushedHealth): FreshCluster {
    const health = healthOf(pushed.parts);
    const hardware = pushed.hardware;
    // A protocol-4 agent reads EdgeX itself: its summary and search already carry it.
    const edgex = clusterRuntime(clusterId).pushesEdgex ? null : (this.pushed.get(clusterId)?.edgex ?? null);
    if (!edgex) return { clusterId, health, search: pushed.search, hardware };
    const { servicesUp, servicesTotal, devicesUp, devicesTotal, lastReadingAt } = edgex;
    const devices = toSearchEntries(searchItemsOf({ pods: [], nodes: [], deployments: [], edgexDevices: edgex.devices ?? [] }));
    const entries = [...pushed.search.entries, ...devices].sort((a, b) => (a.kind + a.namespace + a.name).localeCompare(b.kind + b.namespace + b.name));
    return {
      clusterId,
      health: { ...health, edgex: { servicesUp, servicesTotal, devicesUp, devicesTotal, lastReadingAt }, details: { ...health.details, edgexServicesDown: (edgex.servicesDown ?? []).slice(0, 20) } },
      search: devices.length ? { entries, hash: hashSearchEntries(entries) } : pushed.search,
      hardware,
    };
  }

  /**
   * Writes the pushed summaries that changed since the last call (run every second or so),
   * so a change an agent reports reaches the snapshots within seconds, not at the next pass.
   */
  async flushPushed(now = new Date()): Promise<number> {
    const pass: PassResult = { fresh: [], failed: [] };
    for (const id of takeDirtyPushedHealth()) {
      const pushed = pushedHealthOf(id);
      if (!pushed || !clusterRuntime(id).pushesHealth || !getTunnel(id)) continue;
      const result = this.pushedResult(id, pushed);
      if ("fresh" in result) pass.fresh.push(result.fresh);
      else pass.failed.push(result.failed);
    }
    const n = pass.fresh.length + pass.failed.length;
    if (n) await this.serially(() => this.writer.write(pass, now));
    return n;
  }

  /** One pass over the fleet. Never throws for a cluster's failure; database errors propagate. */
  async runPass(now = new Date()): Promise<PassStats> {
    const started = Date.now();
    const phases = { read: 0, probe: 0, write: 0, alerts: 0, prune: 0 };
    let mark = started;
    const lap = (phase: keyof typeof phases) => {
      const t = Date.now();
      phases[phase] = t - mark;
      mark = t;
    };
    const clusters = await prisma.cluster.findMany({ select: { id: true, state: true } });
    const active = clusters.filter((c) => c.state === "active");
    const wanted = active.filter((c) => getTunnel(c.id)).map((c) => c.id);
    const wantedSet = new Set(wanted);
    // An agent of protocol 3 pushes its health: no watches of ours for it.
    const pushing = wanted.filter((id) => clusterRuntime(id).pushesHealth);
    const pulled = new Set(wanted.filter((id) => !clusterRuntime(id).pushesHealth));
    for (const id of [...this.sources.keys()]) if (!pulled.has(id)) this.drop(id, !wantedSet.has(id));
    for (const id of [...this.pushed.keys()]) if (!pushing.includes(id)) this.pushed.delete(id);

    const sources = [...pulled].map((id) => this.source(id));
    lap("read");
    await runLimited(sources, this.config.concurrency, async (s) => {
      await withTimeout(s.probe(this.config.mode), this.config.timeoutMs * 2, "probe").catch(() => undefined);
      if (!s.probeOk) return;
      s.edgex = await withTimeout(getEdgexSummarySource()(s.clusterId), this.config.timeoutMs, "EdgeX summary").catch(() => s.edgex);
    });
    await runLimited(pushing.filter((id) => !clusterRuntime(id).pushesEdgex), this.config.concurrency, async (id) => {
      let entry = this.pushed.get(id);
      if (!entry) this.pushed.set(id, (entry = { edgex: null }));
      const p = entry;
      p.edgex = await withTimeout(getEdgexSummarySource()(id), this.config.timeoutMs, "EdgeX summary").catch(() => p.edgex);
    });

    lap("probe");
    const pass: PassResult = { fresh: [], failed: [] };
    const at = Date.now();
    for (const s of sources) {
      if (s.probeOk && s.synced && tunnelIsCurrent(s.clusterId, at)) {
        pass.fresh.push({ clusterId: s.clusterId, health: s.summarize(at), search: buildSearchEntries(s), hardware: buildHardwareRows(s) });
      } else {
        pass.failed.push({ clusterId: s.clusterId, error: s.lastError ?? "The cluster's agent is not answering" });
      }
    }
    for (const id of pushing) {
      const pushed = pushedHealthOf(id);
      if (!pushed) continue; // its first summary is on the way (the agent lists its cluster first)
      if (!tunnelIsCurrent(id, at)) {
        pass.failed.push({ clusterId: id, error: "The cluster's agent is not answering" });
        continue;
      }
      const result = this.pushedResult(id, pushed);
      if ("fresh" in result) pass.fresh.push(result.fresh);
      else pass.failed.push(result.failed);
    }
    // Clusters whose tunnel another replica holds are collected there.
    for (const c of active) if (!wantedSet.has(c.id) && !remoteOwner(c.id)) pass.failed.push({ clusterId: c.id, error: "The cluster's agent is not connected" });

    const written = await this.serially(() => this.writer.write(pass, now));
    lap("write");
    // Alert rules, their notifications and pruning run once for the fleet: on the leader.
    const leader = isLeader();
    const alerts = leader ? await reconcileFleetAlerts(now) : { fired: [], resolved: [] };
    lap("alerts");
    if (alerts.fired.length) this.notifier.notify("alert.fired", alerts.fired);
    if (alerts.resolved.length) this.notifier.notify("alert.resolved", alerts.resolved);
    if (leader && now.getTime() - this.lastPruneAt >= PRUNE_EVERY_MS) {
      this.lastPruneAt = now.getTime();
      await pruneFleetData(this.config.retentionMs, now);
      lap("prune");
    }
    return {
      clusters: clusters.length,
      active: active.length,
      fresh: pass.fresh.length,
      failed: pass.failed.length,
      ...written,
      alertsFired: alerts.fired.length,
      alertsResolved: alerts.resolved.length,
      ms: Date.now() - started,
      phases,
    };
  }

  /** Stops every watch and pending webhook delivery. */
  async stop(): Promise<void> {
    for (const id of [...this.sources.keys()]) this.drop(id);
    await this.notifier.stop();
  }
}
