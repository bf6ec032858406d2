import "server-only";
import type { TClusterHealth } from "@/lib/shared/fleet/fleet.schema";
import { prisma } from "../db/prisma";
import { log } from "../log/logger";
import type { SearchEntry } from "./build-search-entries";
import type { HardwareRow } from "./build-hardware-rows";
import { writeNodeInventory } from "./write-node-inventory";
import { markSnapshotErrors, touchSnapshots, upsertSnapshots, type SnapshotWrite } from "./upsert-snapshots";

export interface FreshCluster {
  clusterId: string;
  health: TClusterHealth;
  search: { entries: SearchEntry[]; hash: string } | null;
  /** The cluster's node hardware (inventory rows), or null to leave them as they are. */
  hardware?: { rows: HardwareRow[]; hash: string } | null;
}

export interface PassResult {
  fresh: FreshCluster[];
  /** Active clusters whose numbers could not be refreshed: they keep their last snapshot (stale at once with `notCurrentSince`). */
  failed: Array<{ clusterId: string; error: string; notCurrentSince?: Date }>;
}

/** Search rows of a cluster are rewritten at most this often (pod statuses churn). */
const SEARCH_REWRITE_MS = 60_000;

function pointKey(h: TClusterHealth): string {
  const edgexDown = h.edgex ? h.edgex.servicesTotal - h.edgex.servicesUp : null;
  return [h.nodes.ready, h.nodes.total, h.pods.failing, h.pods.crashLooping, h.deployments.unavailable, h.warningEvents, edgexDown].join(",");
}

/**
 * Writes a collector pass to Postgres with as few statements as the changes allow: changed
 * snapshots are upserted in batches, unchanged ones only get their collection time advanced
 * (one UPDATE for all), history gets a point when the numbers change or every
 * `historyEveryMs`, and a cluster's search rows are replaced only when they changed.
 */
export class SnapshotWriter {
  private readonly signatures = new Map<string, string>();
  private readonly points = new Map<string, { key: string; at: number }>();
  private searchHashes: Map<string, { hash: string | null; at: number }> | undefined;
  private hardwareHashes: Map<string, string | null> | undefined;
  private readonly errors = new Map<string, string>();

  constructor(private readonly historyEveryMs: number) {}

  async write(pass: PassResult, now: Date): Promise<{ changed: number; touched: number }> {
    const changed: SnapshotWrite[] = [];
    const touched: string[] = [];
    for (const c of pass.fresh) {
      const signature = JSON.stringify(c.health);
      if (this.signatures.get(c.clusterId) === signature && !this.errors.has(c.clusterId)) touched.push(c.clusterId);
      else changed.push({ clusterId: c.clusterId, health: c.health, error: null, changedAt: now });
      this.signatures.set(c.clusterId, signature);
      this.errors.delete(c.clusterId);
    }
    await upsertSnapshots(changed, now);
    await touchSnapshots(touched, now);
    await this.writeHistory(pass.fresh, now);
    await this.writeSearch(pass.fresh, now);
    await this.writeHardware(pass.fresh, now);
    const newErrors = pass.failed.filter((f) => this.errors.get(f.clusterId) !== f.error);
    await markSnapshotErrors(newErrors, now);
    for (const f of pass.failed) this.errors.set(f.clusterId, f.error);
    return { changed: changed.length, touched: touched.length };
  }

  /** Forgets a cluster (it left the Active set): its next pass writes in full. */
  forget(clusterId: string): void {
    this.signatures.delete(clusterId);
    this.errors.delete(clusterId);
  }

  private async writeHistory(fresh: FreshCluster[], now: Date): Promise<void> {
    const rows = [];
    for (const c of fresh) {
      const key = pointKey(c.health);
      const last = this.points.get(c.clusterId);
      if (last && last.key === key && now.getTime() - last.at < this.historyEveryMs) continue;
      this.points.set(c.clusterId, { key, at: now.getTime() });
      const h = c.health;
      rows.push({
        clusterId: c.clusterId,
        at: now,
        nodesReady: h.nodes.ready,
        nodesTotal: h.nodes.total,
        podsFailing: h.pods.failing,
        podsCrashLooping: h.pods.crashLooping,
        deploymentsUnavailable: h.deployments.unavailable,
        warningEvents: h.warningEvents,
        edgexServicesDown: h.edgex ? h.edgex.servicesTotal - h.edgex.servicesUp : null,
      });
    }
    if (rows.length) await prisma.fleetSnapshotPoint.createMany({ data: rows });
  }

  /** Node hardware changes rarely: a cluster's rows are rewritten only when their hash moves. */
  private async writeHardware(fresh: FreshCluster[], now: Date): Promise<void> {
    this.hardwareHashes ??= new Map((await prisma.fleetSnapshot.findMany({ select: { clusterId: true, hardwareHash: true } })).map((s) => [s.clusterId, s.hardwareHash]));
    for (const c of fresh) {
      if (!c.hardware || this.hardwareHashes.get(c.clusterId) === c.hardware.hash) continue;
      try {
        await writeNodeInventory(c.clusterId, c.hardware.rows, c.hardware.hash, now);
        this.hardwareHashes.set(c.clusterId, c.hardware.hash);
      } catch (error) {
        log.warn(`fleet: hardware inventory of ${c.clusterId} not written: ${error instanceof Error ? error.message.split("\n").at(-1) : String(error)}`);
      }
    }
  }

  private async writeSearch(fresh: FreshCluster[], now: Date): Promise<void> {
    // The hashes written before a restart, so a restart does not rewrite the whole index.
    this.searchHashes ??= new Map((await prisma.fleetSnapshot.findMany({ select: { clusterId: true, searchHash: true } })).map((s) => [s.clusterId, { hash: s.searchHash, at: 0 }]));
    for (const c of fresh) {
      if (!c.search) continue;
      const last = this.searchHashes.get(c.clusterId);
      if (last?.hash === c.search.hash || (last && now.getTime() - last.at < SEARCH_REWRITE_MS)) continue;
      const { entries, hash } = c.search;
      try {
        await prisma.$transaction([
          prisma.fleetSearchEntry.deleteMany({ where: { clusterId: c.clusterId } }),
          prisma.fleetSearchEntry.createMany({ data: entries.map((e) => ({ clusterId: c.clusterId, ...e })) }),
          prisma.fleetSnapshot.updateMany({ where: { clusterId: c.clusterId }, data: { searchHash: hash } }),
        ]);
        this.searchHashes.set(c.clusterId, { hash, at: now.getTime() });
      } catch (error) {
        // The index is secondary: a busy database must not cost the pass its snapshots. Next pass retries.
        log.warn(`fleet: search index of ${c.clusterId} not written: ${error instanceof Error ? error.message.split("\n").at(-1) : String(error)}`);
      }
    }
  }
}
