import "server-only";
import YAML from "yaml";
import { ZBundleRolloutSchema } from "@/lib/shared/bundles/bundles.schema";
import { kubeletSkewProblem, parseK3sVersion, upgradeRefusal } from "@/lib/shared/upgrades/k3s-version";
import { systemUpgradeControllerObjects, upgradePlanObjects } from "@/lib/shared/upgrades/upgrade-plans";
import type { TCreatedK3sUpgrade, TCreateK3sUpgrade, TUpgradeWarning } from "@/lib/shared/upgrades/upgrades.schema";
import { prisma } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { ApiError } from "../http/api-error";
import { kickBundleDriver } from "../bundles/bundle-driver";
import { getBundle } from "../bundles/get-bundle";
import { listTargetClusters } from "../bundles/list-target-clusters";
import { startRollout } from "../bundles/start-rollout";

const REFUSALS = { "unknown-version": "its version is not known yet (never connected)", downgrade: "it runs a newer version (k3s cannot be downgraded)", "skips-minor": "it would skip a minor version (upgrade one minor at a time)" } as const;

/** The objects of an upgrade revision as YAML: what the bundle page shows and the driver applies. */
function upgradeYaml(version: string, agentConcurrency: number): string {
  return [...systemUpgradeControllerObjects(), ...upgradePlanObjects(version, agentConcurrency)]
    .map(({ plural: _plural, ...doc }) => YAML.stringify(doc, { lineWidth: 0 }))
    .join("---\n");
}

/** Server/agent skew inside each cluster, from the inventory's node rows (kubelet versions). */
async function skewWarnings(clusters: Array<{ id: string; name: string; kubernetesVersion: string | null }>): Promise<TUpgradeWarning[]> {
  const nodes = await prisma.fleetNode.findMany({ where: { clusterId: { in: clusters.map((c) => c.id) } }, select: { clusterId: true, name: true, kubeletVersion: true } });
  const warnings: TUpgradeWarning[] = [];
  for (const c of clusters) {
    const server = parseK3sVersion(c.kubernetesVersion);
    if (!server) continue;
    const odd = nodes.filter((n) => n.clusterId === c.id && n.kubeletVersion !== server.text);
    for (const n of odd.slice(0, 5)) {
      const kubelet = parseK3sVersion(n.kubeletVersion);
      const problem = kubelet ? kubeletSkewProblem(server, kubelet) : null;
      warnings.push({ clusterId: c.id, clusterName: c.name, message: `node ${n.name} runs ${n.kubeletVersion}, the apiserver ${server.text}${problem ? ` (${problem})` : ""}` });
    }
  }
  return warnings;
}

/**
 * Starts a k3s upgrade: a bundle of kind `k3s-upgrade` whose revision is
 * system-upgrade-controller plus its two Plans for `version`, rolled out in waves gated on
 * every node reaching the version (docs/UPGRADES.md). Refused (422, naming the clusters)
 * when a target would skip a minor version, downgrade, or has never reported its version;
 * server/agent version skew inside a cluster comes back as warnings. Audited.
 */
export async function createK3sUpgrade(input: TCreateK3sUpgrade, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<TCreatedK3sUpgrade> {
  const target = parseK3sVersion(input.version)!;
  const groupId = input.targets.group !== undefined ? ((await prisma.clusterGroup.findUnique({ where: { name: input.targets.group }, select: { id: true } }))?.id ?? null) : null;
  if (input.targets.group !== undefined && !groupId) throw new ApiError("validation_failed", `There is no cluster group named ${input.targets.group}`, { fields: { "targets.group": `no cluster group named ${input.targets.group}` } });
  const selection = { clusterSelector: input.targets.clusterSelector ?? null, clusterIds: input.targets.clusterIds ?? [], groupId };
  const picked = await listTargetClusters(selection);
  if (picked.length === 0) throw new ApiError("validation_failed", "The targets select no cluster", { fields: { targets: "select no cluster" } });
  const clusters = await prisma.cluster.findMany({ where: { id: { in: picked.map((c) => c.id) } }, select: { id: true, name: true, kubernetesVersion: true } });
  const refused = clusters.flatMap((c) => {
    const why = upgradeRefusal(parseK3sVersion(c.kubernetesVersion), target);
    return why && why !== "already" ? [`${c.name} (${c.kubernetesVersion ?? "unknown"}): ${REFUSALS[why]}`] : [];
  });
  if (refused.length > 0) {
    const text = `${refused.length} cluster(s) cannot go to ${target.text}: ${refused.slice(0, 5).join("; ")}${refused.length > 5 ? "; …" : ""}`;
    throw new ApiError("validation_failed", text, { fields: { version: text } });
  }
  const name = input.name ?? `k3s-${target.text.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}-${Date.now().toString(36)}`.slice(0, 63);
  const rollout = ZBundleRolloutSchema.parse(input.rollout ?? {});
  const id = await prisma.$transaction(async (tx) => {
    if (await tx.bundle.findUnique({ where: { name }, select: { id: true } })) throw new ApiError("conflict", `A bundle named ${name} already exists`, { fields: { name: "is already taken" } });
    const bundle = await tx.bundle.create({
      data: {
        name,
        kind: "k3s-upgrade",
        upgradeVersion: target.text,
        clusterSelector: selection.clusterSelector,
        clusterIds: selection.clusterIds,
        groupId,
        rollout,
        prune: false,
        selfHeal: false,
        targetRevision: 1,
        createdById: actor.id,
        revisions: { create: { number: 1, yaml: upgradeYaml(target.text, input.agentConcurrency), createdByName: actor.name } },
      },
    });
    await startRollout(tx, bundle.id, 1);
    await recordAuditEvent({ actor, action: "upgrade.create", target: { type: "bundle", id: bundle.id, name }, details: { version: target.text, targets: input.targets, rollout, agentConcurrency: input.agentConcurrency, clusters: clusters.length }, ...meta }, tx);
    return bundle.id;
  });
  kickBundleDriver();
  return { bundle: await getBundle(id), warnings: await skewWarnings(clusters) };
}
