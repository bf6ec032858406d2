import "server-only";
import { randomBytes } from "node:crypto";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { sealSecret } from "../auth/seal-secret";
import { prisma } from "../db/prisma";
import { conflict, notFound } from "../http/api-error";

/**
 * Generates a new webhook secret for a Git-sourced bundle (the old one stops working) and
 * returns it once, with the path to give the Git host: GitHub signs each delivery with it
 * (`X-Hub-Signature-256`), GitLab sends it as `X-Gitlab-Token`. Stored sealed; audited
 * without the secret.
 */
export async function rotateBundleWebhookSecret(bundleId: string, actor: AuditActor, meta: { ip?: string; requestId?: string } = {}): Promise<{ secret: string; path: string }> {
  const bundle = await prisma.bundle.findUnique({ where: { id: bundleId }, select: { name: true, gitUrl: true } });
  if (!bundle) throw notFound("Bundle");
  if (!bundle.gitUrl) throw conflict("This bundle's YAML is not read from Git");
  const secret = randomBytes(32).toString("base64url");
  await prisma.$transaction(async (tx) => {
    await tx.bundle.update({ where: { id: bundleId }, data: { gitWebhookSecret: sealSecret(secret) } });
    await recordAuditEvent({ actor, action: "bundle.webhook.rotate", target: { type: "bundle", id: bundleId, name: bundle.name }, ...meta }, tx);
  });
  return { secret, path: `/api/v1/bundles/${bundleId}/webhook` };
}
