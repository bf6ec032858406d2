import "server-only";
import type { BundleDeploymentState } from "@/lib/generated/prisma/client";
import { BundleRenderError } from "@/lib/shared/bundles/render-bundle";
import { prisma } from "../db/prisma";
import { KubeError } from "../k8s/kube-error";
import { isClusterConnected } from "../tunnel/tunnel-registry";
import { applyBundleToCluster } from "./apply-bundle-to-cluster";
import { checkBundleHealth } from "./check-bundle-health";
import { detectBundleDrift } from "./detect-bundle-drift";
import { labelsOf } from "./list-target-clusters";
import { applyK3sUpgrade, UpgradeWaitingError } from "../upgrades/apply-k3s-upgrade";
import { checkK3sUpgrade } from "../upgrades/check-k3s-upgrade";

export interface DeploymentRow {
  bundleId: string;
  clusterId: string;
  state: BundleDeploymentState;
  appliedRevision: number | null;
  appliedObjects: unknown;
  cluster: { id: string; name: string; labels: unknown };
}

export interface ReconcileContext {
  bundle: { id: string; name: string; prune: boolean };
  revision: { number: number; yaml: string };
  /** The revision's values for one cluster (defaults + matching overrides). */
  valuesFor: (cluster: { id: string; labels: Record<string, string> }) => Record<string, string>;
  /** Re-check clusters already Ready (while a wave soaks). */
  recheckReady: boolean;
  /** Identifies the rollout this pass works for. */
  rolloutStartedAt: Date;
  /** Re-apply drifted objects instead of reporting Drifted. */
  selfHeal: boolean;
  /** Whether this cluster's drift check is due (checks are spaced out per cluster). */
  driftCheckDue: (clusterId: string) => boolean;
  /** A k3s-upgrade bundle (docs/UPGRADES.md): its own apply and health, no drift check. */
  upgrade: { version: string } | null;
}

/**
 * Records what was applied (a fact about the cluster, always kept) and the state — the
 * state only while the rollout this pass works for is still current: a new revision,
 * rollback or resume committed meanwhile has reset the rows and must not be overwritten.
 */
async function setState(row: DeploymentRow, ctx: ReconcileContext, state: BundleDeploymentState, message: string | null, applied?: { revision: number; objects: string[] }): Promise<void> {
  const where = { bundleId: row.bundleId, clusterId: row.clusterId };
  if (applied) await prisma.bundleDeployment.updateMany({ where, data: { appliedRevision: applied.revision, appliedAt: new Date(), appliedObjects: applied.objects } });
  const changed = state !== row.state;
  await prisma.bundleDeployment.updateMany({
    where: { ...where, bundle: { is: { rolloutStartedAt: ctx.rolloutStartedAt } } },
    data: { state, message, ...(changed ? { stateSince: new Date() } : {}) },
  });
  row.state = state;
  if (applied) row.appliedRevision = applied.revision;
}

/** Unreachable (tunnel down, timeout, the cluster's own 5xx) is Offline and retried; the cluster's refusal is Failed. */
function isUnreachable(error: unknown): error is KubeError {
  return error instanceof KubeError && (error.code === "unavailable" || error.code === "upstream_timeout");
}

export function refsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/**
 * One cluster of a released wave: converge it on the target revision (apply when its
 * applied revision differs; a cluster back from days offline applies only the latest),
 * then read its health. Failed stays Failed until the next rollout (no retry storm
 * against a cluster that refuses); unreachable becomes Offline and is retried every pass.
 */
export async function reconcileDeployment(row: DeploymentRow, ctx: ReconcileContext): Promise<void> {
  if (row.state === "Failed") return;
  if (!isClusterConnected(row.clusterId)) {
    if (row.state !== "Offline") await setState(row, ctx, "Offline", "The cluster's agent is not connected");
    return;
  }
  const labels = labelsOf(row.cluster.labels);
  const cluster = { id: row.cluster.id, name: row.cluster.name, labels, values: ctx.valuesFor({ id: row.cluster.id, labels }) };
  try {
    if (!ctx.upgrade && row.appliedRevision === ctx.revision.number && (row.state === "Ready" || row.state === "Drifted") && ctx.driftCheckDue(row.clusterId)) {
      const drift = await detectBundleDrift(row.clusterId, ctx.bundle, ctx.revision, cluster);
      if (drift && ctx.selfHeal) row.appliedRevision = null; // re-applied just below
      else if (drift) return void (await setState(row, ctx, "Drifted", drift));
      else if (row.state === "Drifted") await setState(row, ctx, "Ready", null);
    }
    if (row.appliedRevision !== ctx.revision.number) {
      await setState(row, ctx, "Applying", null);
      const applied = ctx.upgrade
        ? await applyK3sUpgrade(row.clusterId, ctx.bundle, ctx.revision)
        : await applyBundleToCluster({ bundle: ctx.bundle, revision: ctx.revision, cluster, previousObjects: refsOf(row.appliedObjects) });
      await setState(row, ctx, "NotReady", null, { revision: ctx.revision.number, objects: applied });
    } else if ((row.state === "Ready" && !ctx.recheckReady) || row.state === "Drifted") {
      return;
    }
    const health = ctx.upgrade ? await checkK3sUpgrade(row.clusterId, ctx.upgrade.version) : await checkBundleHealth(row.clusterId, ctx.bundle, ctx.revision, cluster);
    if (health.state !== row.state || health.message !== null) await setState(row, ctx, health.state, health.message);
  } catch (error) {
    if (error instanceof UpgradeWaitingError) await setState(row, ctx, "NotReady", error.message);
    else if (isUnreachable(error)) await setState(row, ctx, "Offline", error.message);
    else if (error instanceof BundleRenderError || error instanceof KubeError) await setState(row, ctx, "Failed", error.message);
    else throw error;
  }
}
