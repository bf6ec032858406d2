import "server-only";
import { prisma } from "../db/prisma";
import { recordAuditEvent } from "../audit/record-audit-event";
import { ApiError } from "../http/api-error";
import type { RequestMeta } from "../http/request-meta";
import { PostgresWindowLimiter } from "../http/postgres-window-limiter";
import { INVALID_REGISTRATION, USED_REGISTRATION } from "./enroll-agent";
import { findRegistrationToken } from "./find-registration-token";
import { renderImportManifest } from "./render-import-manifest";
import { hashSecret } from "./secret-format";

/**
 * Manifest fetches per client IP: 30 a minute — enough for retries, too few to guess tokens.
 * Counted in PostgreSQL, so the limit holds across replicas.
 */
const fetches = new PostgresWindowLimiter("import-manifest", 30, 60_000);

/**
 * The import manifest for `<token>_<clusterId>.yaml`. Every unusable token (garbage,
 * expired, revoked, another cluster's) gets the same 400; a token an agent has already
 * enrolled with gets its own 400 (re-importing needs a new command); each fetch is audited
 * without the token.
 */
export async function serveImportManifest(file: string, meta: RequestMeta): Promise<string> {
  const allowed = await fetches.take(meta.ip);
  if (!allowed.allowed) {
    throw new ApiError("rate_limited", "Too many requests; try again later", { headers: { "retry-after": String(allowed.retryAfterS) } });
  }
  const fleet = /^(oft-[0-9a-f]{64})\.yaml$/.exec(file);
  if (fleet) return serveFleetManifest(fleet[1]!, meta);
  const match = /^([^_/]+)_([a-z0-9]{1,64})\.yaml$/.exec(file);
  const lookup = match ? await findRegistrationToken(match[1] ?? "", match[2]) : ({ status: "invalid" } as const);
  if (lookup.status !== "usable") {
    await recordAuditEvent({
      actor: { id: null, name: "anonymous" },
      action: "cluster.import-manifest",
      outcome: "failure",
      ip: meta.ip,
      requestId: meta.requestId,
      ...(lookup.status === "used" ? { target: { type: "cluster", id: lookup.row.clusterId } } : {}),
      details: lookup.status === "used" ? { reason: "token-already-used", tokenId: lookup.row.id } : { reason: "invalid-token" },
    });
    throw new ApiError("bad_request", lookup.status === "used" ? USED_REGISTRATION : INVALID_REGISTRATION);
  }
  const token = lookup.row;
  const cluster = await prisma.cluster.findUniqueOrThrow({ where: { id: token.clusterId } });
  await recordAuditEvent({
    actor: { id: null, name: "anonymous" },
    action: "cluster.import-manifest",
    target: { type: "cluster", id: cluster.id, name: cluster.name },
    ip: meta.ip,
    requestId: meta.requestId,
    details: { tokenId: token.id, userAgent: meta.userAgent?.slice(0, 120) ?? null },
  });
  return renderImportManifest(match![1]!, cluster.id);
}

/** A fleet token's manifest: the same for every cluster; refused once the token is unusable. */
async function serveFleetManifest(token: string, meta: RequestMeta): Promise<string> {
  const row = await prisma.fleetToken.findUnique({ where: { tokenHash: hashSecret(token) } });
  const usable = row && !row.revokedAt && row.expiresAt > new Date() && (row.maxUses === null || row.useCount < row.maxUses);
  await recordAuditEvent({
    actor: { id: null, name: "anonymous" },
    action: "fleet.import-manifest",
    outcome: usable ? "success" : "failure",
    ip: meta.ip,
    requestId: meta.requestId,
    ...(row ? { target: { type: "fleet-token", id: row.id, name: row.name } } : {}),
    details: usable ? { userAgent: meta.userAgent?.slice(0, 120) ?? null } : { reason: "invalid-token" },
  });
  if (!usable) throw new ApiError("bad_request", "Invalid fleet token");
  return renderImportManifest(token, null);
}
