import "server-only";
import { bundleYamlError } from "@/lib/shared/bundles/render-bundle";
import { definedValueKeys, storedValues } from "@/lib/shared/bundles/bundle-values";
import { prisma } from "../db/prisma";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { openSecret } from "../auth/seal-secret";
import { conflict, notFound } from "../http/api-error";
import { addBundleRevision } from "./create-bundle-revision";
import { GitSourceError, readGitSource, resolveGitRef, type GitSourceSpec } from "./read-git-source";

export interface GitSyncResult {
  /** The commit the ref names now, or null when the repository could not be read. */
  commit: string | null;
  /** The revision created for a new commit. */
  revision: number | null;
  error: string | null;
}

/** The spec of a Git-sourced bundle row, the secret decrypted for this one use. */
export function gitSpecOf(b: { gitUrl: string | null; gitRef: string | null; gitPath: string | null; gitUsername: string | null; gitSecret: string | null }): GitSourceSpec | null {
  if (!b.gitUrl) return null;
  return { url: b.gitUrl, ref: b.gitRef ?? "main", path: b.gitPath ?? "", username: b.gitUsername, secret: b.gitSecret ? openSecret(b.gitSecret) : null };
}

/**
 * Reads a Git-sourced bundle's ref (polled, or at once on a webhook): a commit not seen
 * before becomes a new revision (its values and overrides carried over) that rolls out
 * like any other; the same commit costs one ref advertisement. YAML that does not render
 * (a bad kind, an unknown variable) is recorded as the source's error and rolls nothing
 * out. Never throws for the repository's faults: they are the result's `error`.
 */
export async function syncGitBundle(bundleId: string, actor: AuditActor = { id: null, name: "git" }, meta: { ip?: string; requestId?: string } = {}): Promise<GitSyncResult> {
  const bundle = await prisma.bundle.findUnique({ where: { id: bundleId } });
  if (!bundle) throw notFound("Bundle");
  const spec = gitSpecOf(bundle);
  if (!spec) throw conflict("This bundle's YAML is not read from Git");
  let result: GitSyncResult;
  try {
    const commit = await resolveGitRef(spec);
    if (commit === bundle.gitCommit) {
      result = { commit, revision: null, error: null };
    } else {
      const { yaml } = await readGitSource(spec, commit);
      const latest = await prisma.bundleRevision.findFirst({ where: { bundleId }, orderBy: { number: "desc" }, select: { values: true, overrides: true } });
      const v = storedValues(latest?.values, latest?.overrides);
      const error = bundleYamlError(yaml, definedValueKeys(v.values, v.overrides));
      if (error) {
        result = { commit, revision: null, error: `commit ${commit.slice(0, 7)}: ${error}` };
      } else {
        const number = await prisma.$transaction(async (tx) => {
          // Another sync (a webhook racing the poller) may have taken this commit already.
          const now = await tx.bundle.findUnique({ where: { id: bundleId }, select: { gitCommit: true, deletingAt: true } });
          if (!now || now.gitCommit === commit || now.deletingAt) return null;
          const added = await addBundleRevision(tx, bundleId, { yaml, gitCommit: commit }, `git ${commit.slice(0, 7)}`);
          await tx.bundle.update({ where: { id: bundleId }, data: { gitCommit: commit } });
          await recordAuditEvent({ actor, action: "bundle.revision", target: { type: "bundle", id: bundleId, name: added.name }, details: { revision: added.number, gitCommit: commit }, ...meta }, tx);
          return added.number;
        });
        result = { commit, revision: number, error: null };
      }
    }
  } catch (error) {
    if (!(error instanceof GitSourceError)) throw error;
    result = { commit: null, revision: null, error: error.message };
  }
  await prisma.bundle.updateMany({ where: { id: bundleId }, data: { gitCheckedAt: new Date(), gitError: result.error } });
  return result;
}
