import "server-only";
import { can } from "@/lib/shared/permissions";
import { clusterRolesOf } from "../access/cluster-scope";
import type { Principal } from "../auth/principal";
import { prisma } from "../db/prisma";
import { ApiError, forbidden } from "../http/api-error";
import { listSelectedClusters, listTargetClusters } from "./list-target-clusters";

type Targets = { clusterSelector?: string | null; clusterIds?: string[] | null; group?: string; groupId?: string | null };

/**
 * A bundle may only target clusters where its author operates (docs/SECURITY.md "Scoped
 * access"): 403 naming the first clusters out of reach when any cluster the targets select
 * now is not one where the principal holds `bundles:write`. Checked when a bundle is
 * created and on every later change of it; a global operator or admin passes without a query.
 */
export async function assertTargetsOperable(principal: Principal, targets: Targets): Promise<void> {
  const a = principal.access;
  if (a.grants.length === 0 && a.narrowTo === null && can(principal.role, "bundles:write")) return;
  let clusters;
  if (targets.group !== undefined) {
    const group = await prisma.clusterGroup.findUnique({ where: { name: targets.group }, select: { clusterSelector: true, clusterIds: true } });
    if (!group) throw new ApiError("validation_failed", `There is no cluster group named ${targets.group}`, { fields: { "targets.group": `no cluster group named ${targets.group}` } });
    clusters = await listSelectedClusters(group);
  } else if (targets.groupId !== undefined) {
    clusters = await listTargetClusters({ clusterSelector: targets.clusterSelector ?? null, clusterIds: targets.clusterIds ?? [], groupId: targets.groupId });
  } else {
    clusters = await listSelectedClusters({ clusterSelector: targets.clusterSelector ?? null, clusterIds: targets.clusterIds ?? [] });
  }
  const roles = await clusterRolesOf(principal, clusters);
  const outside = clusters.filter((c) => !can(roles.get(c.id) ?? null, "bundles:write")).map((c) => c.name);
  if (outside.length > 0) throw forbidden(`The bundle would reach clusters where you do not operate: ${outside.slice(0, 5).join(", ")}${outside.length > 5 ? ` and ${outside.length - 5} more` : ""}`);
}

/** The same check for an existing bundle's targets (every change of a bundle: revisions, rollout actions, delete). */
export async function assertBundleOperable(principal: Principal, bundleId: string): Promise<void> {
  const a = principal.access;
  if (a.grants.length === 0 && a.narrowTo === null && can(principal.role, "bundles:write")) return;
  const bundle = await prisma.bundle.findUnique({ where: { id: bundleId }, select: { clusterSelector: true, clusterIds: true, groupId: true } });
  if (!bundle) return; // the operation answers its own 404
  await assertTargetsOperable(principal, bundle);
}
