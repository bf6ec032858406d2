import "server-only";
import { definedValueKeys, storedValues } from "@/lib/shared/bundles/bundle-values";
import type { TUpdateBundleGit } from "@/lib/shared/bundles/bundle-git.schema";
import type { TBundleDetail } from "@/lib/shared/bundles/bundles.schema";
import { bundleYamlError } from "@/lib/shared/bundles/render-bundle";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { sealSecret } from "../auth/seal-secret";
import { prisma } from "../db/prisma";
import { ApiError, conflict, notFound } from "../http/api-error";
import { kickBundleDriver } from "./bundle-driver";
import { addBundleRevision } from "./create-bundle-revision";
import { getBundle } from "./get-bundle";
import { GitSourceError, readGitSource, resolveGitRef, type GitSourceSpec } from "./read-git-source";
import { gitSpecOf } from "./sync-git-bundle";

/**
 * Changes where a Git-sourced bundle reads its YAML — URL, branch or tag, path, poll interval,
 * credentials (replaced, or removed with `auth: null`; sealed, never returned, audited only as
 * "changed"). A change of the source is read at once with the new settings, so a wrong URL,
 * ref, path or token is a 422 and nothing is saved; what it reads becomes a new revision
 * (values and overrides carried over) that rolls out like any other. A change of the poll
 * interval alone makes no revision.
 */
export async function updateBundleGit(bundleId: string, input: TUpdateBundleGit, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<TBundleDetail> {
  const bundle = await prisma.bundle.findUnique({ where: { id: bundleId } });
  if (!bundle) throw notFound("Bundle");
  const current = gitSpecOf(bundle);
  if (!current) throw conflict("This bundle's YAML is not read from Git");
  if (bundle.deletingAt) throw conflict("This bundle is being deleted");

  const next: GitSourceSpec = {
    url: input.url ?? current.url,
    ref: input.ref ?? current.ref,
    path: input.path ?? current.path,
    username: input.auth === undefined ? current.username : (input.auth?.username ?? null),
    secret: input.auth === undefined ? current.secret : (input.auth?.token ?? null),
  };
  const changed = [
    ...(["url", "ref", "path"] as const).filter((k) => next[k] !== current[k]),
    ...(input.auth !== undefined ? ["credentials"] : []),
    ...(input.pollSeconds !== undefined && input.pollSeconds !== bundle.gitPollSeconds ? ["pollSeconds"] : []),
  ];
  const sourceChanged = changed.some((c) => c !== "pollSeconds");

  let read: { commit: string; yaml: string } | null = null;
  if (sourceChanged) {
    try {
      const commit = await resolveGitRef(next);
      read = await readGitSource(next, commit);
      const latest = await prisma.bundleRevision.findFirst({ where: { bundleId }, orderBy: { number: "desc" }, select: { values: true, overrides: true } });
      const v = storedValues(latest?.values, latest?.overrides);
      const error = bundleYamlError(read.yaml, definedValueKeys(v.values, v.overrides));
      if (error) throw new GitSourceError(`commit ${commit.slice(0, 7)}: ${error}`);
    } catch (error) {
      if (error instanceof GitSourceError) throw new ApiError("validation_failed", error.message, { fields: { git: error.message } });
      throw error;
    }
  }

  const revision = await prisma.$transaction(async (tx) => {
    const added = read ? await addBundleRevision(tx, bundleId, { yaml: read.yaml, gitCommit: read.commit }, actor.name) : null;
    await tx.bundle.update({
      where: { id: bundleId },
      data: {
        gitUrl: next.url,
        gitRef: next.ref,
        gitPath: next.path,
        ...(input.pollSeconds !== undefined ? { gitPollSeconds: input.pollSeconds } : {}),
        ...(input.auth !== undefined ? { gitUsername: next.username, gitSecret: next.secret === null ? null : sealSecret(next.secret) } : {}),
        ...(read ? { gitCommit: read.commit, gitCheckedAt: new Date(), gitError: null } : {}),
      },
    });
    await recordAuditEvent(
      { actor, action: "bundle.git.update", target: { type: "bundle", id: bundleId, name: bundle.name }, details: { changed, url: next.url, ref: next.ref, path: next.path, revision: added?.number ?? null, gitCommit: read?.commit ?? null }, ...meta },
      tx,
    );
    return added?.number ?? null;
  });
  if (revision !== null) kickBundleDriver();
  return getBundle(bundleId);
}
