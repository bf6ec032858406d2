import "server-only";
import type { TBundleDetail, TCreateBundle } from "@/lib/shared/bundles/bundles.schema";
import { ZBundleRolloutSchema } from "@/lib/shared/bundles/bundles.schema";
import { definedValueKeys } from "@/lib/shared/bundles/bundle-values";
import { bundleYamlError } from "@/lib/shared/bundles/render-bundle";
import { prisma } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { sealSecret } from "../auth/seal-secret";
import { ApiError } from "../http/api-error";
import { kickBundleDriver } from "./bundle-driver";
import { getBundle } from "./get-bundle";
import { GitSourceError, readGitSource, resolveGitRef } from "./read-git-source";
import { startRollout } from "./start-rollout";

async function assertClustersExist(ids: string[], field: string): Promise<void> {
  const found = new Set((await prisma.cluster.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((c) => c.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw new ApiError("validation_failed", `Unknown cluster id(s): ${missing.slice(0, 5).join(", ")}`, { fields: { [field]: `unknown cluster id(s): ${missing.slice(0, 5).join(", ")}` } });
}

/** The ids of the groups named (targets, overrides); an unknown name is a 422 on `field`. */
async function groupIdOf(name: string, field: string): Promise<string> {
  const group = await prisma.clusterGroup.findUnique({ where: { name }, select: { id: true } });
  if (!group) throw new ApiError("validation_failed", `There is no cluster group named ${name}`, { fields: { [field]: `no cluster group named ${name}` } });
  return group.id;
}

/** The first revision's YAML: pasted, or read from the repository now (so a wrong URL, ref or token is a 422 at once). */
async function firstYaml(input: TCreateBundle): Promise<{ yaml: string; gitCommit: string | null }> {
  if ("yaml" in input.source) return { yaml: input.source.yaml, gitCommit: null };
  const g = input.source.git;
  const spec = { url: g.url, ref: g.ref, path: g.path, username: g.auth?.username ?? null, secret: g.auth?.token ?? null };
  try {
    const commit = await resolveGitRef(spec);
    const read = await readGitSource(spec, commit);
    const error = bundleYamlError(read.yaml, input.values || input.overrides ? definedValueKeys(input.values ?? {}, input.overrides ?? []) : undefined);
    if (error) throw new GitSourceError(`commit ${commit.slice(0, 7)}: ${error}`);
    return { yaml: read.yaml, gitCommit: commit };
  } catch (error) {
    if (error instanceof GitSourceError) throw new ApiError("validation_failed", error.message, { fields: { "source.git": error.message } });
    throw error;
  }
}

/** Creates a bundle with revision 1 and starts its rollout (audited, one transaction). */
export async function createBundle(input: TCreateBundle, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<TBundleDetail> {
  if (input.targets.clusterIds) await assertClustersExist(input.targets.clusterIds, "targets.clusterIds");
  const groupId = input.targets.group !== undefined ? await groupIdOf(input.targets.group, "targets.group") : null;
  for (const [i, o] of (input.overrides ?? []).entries()) if (o.group !== undefined) await groupIdOf(o.group, `overrides.${i}.group`);
  const rollout = ZBundleRolloutSchema.parse(input.rollout ?? {});
  if (rollout.firstWave?.clusterIds) await assertClustersExist(rollout.firstWave.clusterIds, "rollout.firstWave.clusterIds");
  if (await prisma.bundle.findUnique({ where: { name: input.name }, select: { id: true } })) throw new ApiError("conflict", `A bundle named ${input.name} already exists`, { fields: { name: "is already taken" } });
  const first = await firstYaml(input);
  const git = "git" in input.source ? input.source.git : null;
  const id = await prisma.$transaction(async (tx) => {
    if (await tx.bundle.findUnique({ where: { name: input.name }, select: { id: true } })) throw new ApiError("conflict", `A bundle named ${input.name} already exists`, { fields: { name: "is already taken" } });
    const bundle = await tx.bundle.create({
      data: {
        name: input.name,
        clusterSelector: input.targets.clusterSelector ?? null,
        clusterIds: input.targets.clusterIds ?? [],
        groupId,
        rollout,
        prune: input.prune,
        selfHeal: input.selfHeal,
        targetRevision: 1,
        createdById: actor.id,
        ...(git
          ? { gitUrl: git.url, gitRef: git.ref, gitPath: git.path, gitPollSeconds: git.pollSeconds, gitUsername: git.auth?.username ?? null, gitSecret: git.auth ? sealSecret(git.auth.token) : null, gitCommit: first.gitCommit, gitCheckedAt: new Date() }
          : {}),
        revisions: { create: { number: 1, yaml: first.yaml, values: input.values ?? {}, overrides: input.overrides ?? [], gitCommit: first.gitCommit, createdByName: actor.name } },
      },
    });
    await startRollout(tx, bundle.id, 1);
    // The audit keeps the source's shape, never its credentials.
    const source = git ? { git: { url: git.url, ref: git.ref, path: git.path, commit: first.gitCommit, credentials: git.auth !== undefined } } : { yaml: true };
    await recordAuditEvent({ actor, action: "bundle.create", target: { type: "bundle", id: bundle.id, name: bundle.name }, details: { targets: input.targets, rollout, source }, ...meta }, tx);
    return bundle.id;
  });
  kickBundleDriver();
  return getBundle(id);
}
