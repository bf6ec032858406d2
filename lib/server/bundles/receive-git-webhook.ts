import "server-only";
import { openSecret } from "../auth/seal-secret";
import { prisma } from "../db/prisma";
import { ApiError } from "../http/api-error";
import { kickBundleDriver } from "./bundle-driver";
import { syncGitBundle, type GitSyncResult } from "./sync-git-bundle";
import { verifyGitWebhook } from "./verify-git-webhook";

const refused = () => new ApiError("unauthenticated", "The webhook's signature (X-Hub-Signature-256) or token (X-Gitlab-Token) does not match this bundle's webhook secret");

/**
 * A Git host's delivery for one bundle, authenticated by the bundle's webhook secret instead
 * of a login: a valid one reads the ref now (a new commit becomes a revision, as on
 * `POST …/sync`), GitHub's `ping` is only acknowledged. An unknown bundle, a bundle without
 * a secret and a wrong signature are the same 401, so the endpoint tells nothing about
 * which bundles exist. The body is read whole (≤ 1 MiB) before anything is checked.
 */
export async function receiveGitWebhook(bundleId: string, headers: Headers, body: Buffer, meta: { ip?: string; requestId?: string } = {}): Promise<{ event: string; sync: GitSyncResult | null }> {
  const bundle = await prisma.bundle.findUnique({ where: { id: bundleId }, select: { gitWebhookSecret: true } });
  if (!bundle?.gitWebhookSecret) throw refused();
  let secret: string;
  try {
    secret = openSecret(bundle.gitWebhookSecret);
  } catch {
    throw refused(); // sealed under another OUTPOST_AUTH_SECRET: generate a new one
  }
  if (!verifyGitWebhook(headers, body, secret)) throw refused();
  const event = (headers.get("x-github-event") ?? headers.get("x-gitlab-event") ?? "push").slice(0, 64);
  if (event === "ping") return { event, sync: null };
  const sync = await syncGitBundle(bundleId, { id: null, name: "git webhook" }, meta);
  if (sync.revision !== null) kickBundleDriver();
  return { event, sync };
}
