import "server-only";
import { ZBundleRolloutSchema } from "@/lib/shared/bundles/bundles.schema";
import { prisma } from "../db/prisma";
import { log } from "../log/logger";
import { runLimited } from "../fleet/run-limited";
import { isClusterConnected } from "../tunnel/tunnel-registry";
import { pruneBundleObject } from "./apply-bundle-to-cluster";
import { reconcileDeployment, refsOf } from "./reconcile-deployment";
import { syncBundleTargets } from "./sync-bundle-targets";
import { clusterValuesResolver } from "./resolve-cluster-values";

/** Clusters worked on at once per bundle pass. */
const CONCURRENCY = 32;

async function pruneUntargeted(bundle: { id: string; prune: boolean; deletingAt: Date | null }): Promise<void> {
  const rows = await prisma.bundleDeployment.findMany({ where: { bundleId: bundle.id, targeted: false }, select: { clusterId: true, appliedObjects: true } });
  await runLimited(rows, CONCURRENCY, async (row) => {
    // Deleting with prune removes the objects whatever the bundle's prune setting.
    const refs = bundle.prune || bundle.deletingAt ? refsOf(row.appliedObjects) : [];
    if (refs.length > 0 && !isClusterConnected(row.clusterId)) return; // pruned when it returns
    try {
      for (const ref of refs.reverse()) await pruneBundleObject(row.clusterId, bundle.id, ref);
      await prisma.bundleDeployment.deleteMany({ where: { bundleId: bundle.id, clusterId: row.clusterId, targeted: false } });
    } catch (error) {
      log.warn(`bundle ${bundle.id}: pruning from cluster ${row.clusterId} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

/**
 * One pass of a bundle's rollout (the reconcile loop; restarts and retries are the same
 * code path): follow the targets, prune clusters no longer targeted, converge every
 * cluster of the released waves, then gate: `maxFailed` failures pause the rollout; when
 * every reachable cluster of the released waves is Ready for the soak time, and the newest
 * wave has at least one Ready cluster, release the next wave, or complete. Bundle updates are conditional on the rollout they were computed
 * for, so an API change made meanwhile (new revision, pause) wins.
 */
export async function reconcileBundle(bundleId: string, driftCheckDue: (clusterId: string) => boolean = () => false): Promise<void> {
  const first = await prisma.bundle.findUnique({ where: { id: bundleId } });
  if (!first) return;
  if (first.deletingAt) {
    // Being deleted (docs/BUNDLES.md): prune what is reachable; the bundle goes with its last row.
    await pruneUntargeted(first);
    await prisma.bundle.deleteMany({ where: { id: bundleId, deletingAt: { not: null }, deployments: { none: {} } } });
    return;
  }
  await syncBundleTargets(first);
  await pruneUntargeted(first);
  // The bundle and its rows from one snapshot: never a new rollout's rows with the old rollout.
  const read = await prisma.$transaction(
    async (tx) => {
      const bundle = await tx.bundle.findUnique({ where: { id: bundleId } });
      if (!bundle || bundle.status === "paused" || bundle.status === "aborted") return null;
      const revision = await tx.bundleRevision.findUniqueOrThrow({ where: { bundleId_number: { bundleId, number: bundle.targetRevision } } });
      const rows = await tx.bundleDeployment.findMany({
        where: { bundleId, targeted: true },
        select: { bundleId: true, clusterId: true, state: true, wave: true, appliedRevision: true, appliedObjects: true, cluster: { select: { id: true, name: true, labels: true } } },
      });
      return { bundle, revision, rows };
    },
    { isolationLevel: "RepeatableRead" },
  );
  if (!read) return;
  const { bundle, revision, rows } = read;
  const released = rows.filter((r) => r.wave <= bundle.wave);
  const valuesFor = await clusterValuesResolver(revision);
  const ctx = { bundle, revision: { number: revision.number, yaml: revision.yaml }, valuesFor, recheckReady: bundle.status === "progressing", rolloutStartedAt: bundle.rolloutStartedAt, selfHeal: bundle.selfHeal, driftCheckDue, upgrade: bundle.kind === "k3s-upgrade" && bundle.upgradeVersion ? { version: bundle.upgradeVersion } : null };
  // Clusters whose agent is away: one UPDATE for all of them (thousands of offline sites must
  // not cost a query each per pass); the rest are worked on one by one.
  const away = released.filter((r) => !isClusterConnected(r.clusterId));
  const newlyAway = away.filter((r) => r.state !== "Offline" && r.state !== "Failed");
  if (newlyAway.length > 0) {
    await prisma.bundleDeployment.updateMany({
      where: { bundleId, clusterId: { in: newlyAway.map((r) => r.clusterId) }, state: { notIn: ["Offline", "Failed"] }, bundle: { is: { rolloutStartedAt: bundle.rolloutStartedAt } } },
      data: { state: "Offline", message: "The cluster's agent is not connected", stateSince: new Date() },
    });
    for (const r of newlyAway) r.state = "Offline";
  }
  const reachable = released.filter((r) => isClusterConnected(r.clusterId));
  await runLimited(reachable, CONCURRENCY, (row) => reconcileDeployment(row, ctx));

  const current = { id: bundleId, targetRevision: bundle.targetRevision, rolloutStartedAt: bundle.rolloutStartedAt, status: bundle.status, wave: bundle.wave };
  const rollout = ZBundleRolloutSchema.parse(bundle.rollout);
  const failed = rows.filter((r) => r.state === "Failed").length;
  if (failed >= rollout.maxFailed && bundle.status === "progressing") {
    await prisma.bundle.updateMany({ where: current, data: { status: "paused", statusReason: `${failed} cluster(s) failed (the rollout pauses at ${rollout.maxFailed})` } });
    return;
  }
  if (bundle.status !== "progressing") return;
  // Offline clusters catch up later; Drifted ones run the revision (someone edited them since).
  const waiting = released.some((r) => r.state !== "Ready" && r.state !== "Offline" && r.state !== "Drifted");
  // But a wave none of whose clusters could be checked is no evidence: with all of them
  // Offline (their sites down, or this console just restarted and its agents are still
  // dialling back) the rollout holds until one of them is back and Ready.
  const newest = released.filter((r) => r.wave === bundle.wave);
  const judged = newest.length > 0 ? newest : released;
  const unproven = judged.length > 0 && !judged.some((r) => r.state === "Ready" || r.state === "Drifted");
  if (waiting || unproven) {
    if (bundle.waveReadyAt) await prisma.bundle.updateMany({ where: current, data: { waveReadyAt: null } });
    return;
  }
  const now = new Date();
  if (!bundle.waveReadyAt) {
    await prisma.bundle.updateMany({ where: current, data: { waveReadyAt: now } });
    if (rollout.soakSeconds > 0) return;
  } else if (now.getTime() - bundle.waveReadyAt.getTime() < rollout.soakSeconds * 1000) {
    return;
  }
  const lastWave = rows.reduce((max, r) => Math.max(max, r.wave), 0);
  if (bundle.wave < lastWave) await prisma.bundle.updateMany({ where: current, data: { wave: bundle.wave + 1, waveReadyAt: null } });
  else await prisma.bundle.updateMany({ where: current, data: { status: "completed", statusReason: null } });
}
