import "server-only";
import { compareK3sVersions, parseK3sVersion } from "@/lib/shared/upgrades/k3s-version";
import type { TClusterLifecycle } from "@/lib/shared/upgrades/upgrades.schema";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { prisma } from "../db/prisma";
import { OUTPOST_VERSION } from "../runtime/version";

/** "0.1.0" → a comparable version (agents report their package version without k3s parts). */
function semver(text: string | null): ReturnType<typeof parseK3sVersion> {
  return text ? parseK3sVersion(text.startsWith("v") ? text : `v${text}`) : null;
}

/**
 * One cluster's lifecycle at a glance: its k3s and agent versions, whether this console
 * serves a newer agent, the version history its agent reported, the newest k3s upgrade that
 * targeted it, and how it joined (self-registration).
 */
export async function getClusterLifecycle(clusterId: string): Promise<TClusterLifecycle> {
  const cluster = await getClusterOrThrow(clusterId);
  const [history, upgrade, registration] = await Promise.all([
    prisma.clusterVersionEvent.findMany({ where: { clusterId }, orderBy: { id: "desc" }, take: 20 }),
    prisma.bundleDeployment.findFirst({ where: { clusterId, bundle: { kind: "k3s-upgrade" } }, orderBy: { bundle: { createdAt: "desc" } }, select: { state: true, message: true, stateSince: true, bundle: { select: { id: true, name: true, upgradeVersion: true } } } }),
    prisma.fleetRegistration.findUnique({ where: { clusterId }, select: { decidedAt: true, decidedByName: true, fleetToken: { select: { name: true } } } }),
  ]);
  const running = semver(cluster.agentVersion);
  const latest = semver(OUTPOST_VERSION);
  return {
    kubernetesVersion: cluster.kubernetesVersion,
    agentVersion: cluster.agentVersion,
    latestAgentVersion: OUTPOST_VERSION,
    agentUpdateAvailable: Boolean(running && latest && compareK3sVersions(running, latest) < 0),
    history: history.map((e) => ({ component: e.component === "agent" ? "agent" : "k3s", from: e.fromVersion, to: e.toVersion, at: e.at.toISOString() })),
    lastUpgrade: upgrade ? { bundleId: upgrade.bundle.id, name: upgrade.bundle.name, version: upgrade.bundle.upgradeVersion ?? "", state: upgrade.state, message: upgrade.message, at: upgrade.stateSince.toISOString() } : null,
    registration: registration ? { fleetTokenName: registration.fleetToken?.name ?? null, approvedBy: registration.decidedByName, approvedAt: registration.decidedAt?.toISOString() ?? null } : null,
  };
}
