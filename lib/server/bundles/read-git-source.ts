import "server-only";
import fs from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import git from "isomorphic-git";
import http from "isomorphic-git/http/node";
import { MAX_BUNDLE_YAML_BYTES } from "@/lib/shared/bundles/render-bundle";

// Reads a bundle's manifests from a Git repository with isomorphic-git (a maintained
// JavaScript implementation of the Git smart-HTTP protocol): the ref is resolved from the
// server's ref advertisement (cheap, what a poll costs when nothing changed), and only
// when the commit is new is it fetched — shallow for a branch or tag — into a temporary
// directory that is removed afterwards.

export interface GitSourceSpec {
  url: string;
  ref: string;
  path: string;
  username: string | null;
  /** The token or password, in clear (decrypted just before use). */
  secret: string | null;
}

/** A repository that cannot be read; the message never carries the credentials. */
export class GitSourceError extends Error {
  override name = "GitSourceError";
}

const TIMEOUT_MS = 60_000;

function onAuth(spec: GitSourceSpec) {
  if (spec.secret === null) return undefined;
  const secret = spec.secret;
  // Called by isomorphic-git on a 401; returning cancel after one try avoids a loop on a wrong token.
  let tried = false;
  return () => {
    if (tried) return { cancel: true };
    tried = true;
    return { username: spec.username ?? "x-access-token", password: secret };
  };
}

/** Strips anything that could echo a credential (a server's body quoted in an error). */
function describe(error: unknown, spec: GitSourceSpec): string {
  const e = error as { code?: string; data?: { statusCode?: number; statusMessage?: string }; message?: string };
  let text: string;
  if (e.code === "HttpError" && e.data?.statusCode) text = `HTTP ${e.data.statusCode} ${e.data.statusMessage ?? ""}`.trim();
  else if (e.code === "UserCanceledError") text = "the repository refused the credentials (HTTP 401)";
  else text = (e.message ?? String(error)).split("\n")[0]!.slice(0, 300);
  if (spec.secret) text = text.split(spec.secret).join("***");
  return text;
}

async function withTimeout<T>(what: Promise<T>, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([what, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new GitSourceError(`${label}: no answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** The commit the ref names now on the server (a 40-hex ref is itself). */
export async function resolveGitRef(spec: GitSourceSpec): Promise<string> {
  if (/^[0-9a-f]{40}$/.test(spec.ref)) return spec.ref;
  let refs: Array<{ ref: string; oid: string; peeled?: string }>;
  try {
    refs = await withTimeout(git.listServerRefs({ http, url: spec.url, onAuth: onAuth(spec), protocolVersion: 1, peelTags: true }), "listing refs");
  } catch (error) {
    if (error instanceof GitSourceError) throw error;
    throw new GitSourceError(`cannot read ${spec.url}: ${describe(error, spec)}`);
  }
  for (const name of [`refs/heads/${spec.ref}`, `refs/tags/${spec.ref}`, spec.ref]) {
    const hit = refs.find((r) => r.ref === name);
    if (hit) return hit.peeled ?? hit.oid;
  }
  throw new GitSourceError(`${spec.url} has no branch or tag "${spec.ref}"`);
}

async function readYamlFiles(dir: string, commit: string, at: string): Promise<Array<{ path: string; text: string }>> {
  const out: Array<{ path: string; text: string }> = [];
  let total = 0;
  const visit = async (treePath: string): Promise<void> => {
    const tree = await git.readTree({ fs, dir, oid: commit, filepath: treePath || undefined });
    for (const entry of tree.tree) {
      const full = treePath ? `${treePath}/${entry.path}` : entry.path;
      if (entry.type === "tree") await visit(full);
      else if (entry.type === "blob" && /\.ya?ml$/i.test(entry.path)) {
        const { blob } = await git.readBlob({ fs, dir, oid: entry.oid });
        total += blob.length;
        if (total > MAX_BUNDLE_YAML_BYTES) throw new GitSourceError(`the YAML under "${at || "/"}" is larger than ${MAX_BUNDLE_YAML_BYTES / 1024} KiB`);
        out.push({ path: full, text: Buffer.from(blob).toString("utf8") });
      }
    }
  };
  // A file or a directory: readTree of a file fails, so try the blob first.
  if (/\.ya?ml$/i.test(at)) {
    const { blob } = await git.readBlob({ fs, dir, oid: commit, filepath: at }).catch(() => {
      throw new GitSourceError(`no file "${at}" at commit ${commit.slice(0, 7)}`);
    });
    if (blob.length > MAX_BUNDLE_YAML_BYTES) throw new GitSourceError(`"${at}" is larger than ${MAX_BUNDLE_YAML_BYTES / 1024} KiB`);
    return [{ path: at, text: Buffer.from(blob).toString("utf8") }];
  }
  await visit(at).catch((error: unknown) => {
    if (error instanceof GitSourceError) throw error;
    throw new GitSourceError(`no directory "${at}" at commit ${commit.slice(0, 7)}`);
  });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Fetches `commit` and returns the YAML under the spec's path: one file, or every `*.yaml`
 * / `*.yml` below a directory in path order, joined as one multi-document YAML.
 */
export async function readGitSource(spec: GitSourceSpec, commit: string): Promise<{ commit: string; yaml: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "outpost-git-"));
  try {
    const pinned = /^[0-9a-f]{40}$/.test(spec.ref);
    await git.init({ fs, dir });
    await git.addRemote({ fs, dir, remote: "origin", url: spec.url });
    try {
      // A branch or tag: only its tip (shallow). A pinned commit: the history that holds it.
      await withTimeout(
        git.fetch({ fs, http, dir, remote: "origin", onAuth: onAuth(spec), ...(pinned ? {} : { ref: spec.ref, singleBranch: true, depth: 1 }), tags: false }),
        "fetching",
      );
    } catch (error) {
      if (error instanceof GitSourceError) throw error;
      throw new GitSourceError(`cannot fetch ${spec.url}: ${describe(error, spec)}`);
    }
    const found = await git.readCommit({ fs, dir, oid: commit }).catch(() => null);
    if (!found) throw new GitSourceError(`${spec.url} has no commit ${commit.slice(0, 12)}`);
    const files = await readYamlFiles(dir, commit, spec.path);
    if (files.length === 0) throw new GitSourceError(`no *.yaml file under "${spec.path || "/"}" at commit ${commit.slice(0, 7)}`);
    return { commit, yaml: files.map((f) => f.text.replace(/\n?$/, "\n")).join("---\n") };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
