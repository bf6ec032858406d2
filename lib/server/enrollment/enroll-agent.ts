import "server-only";
import { prisma } from "../db/prisma";
import { recordAuditEvent } from "../audit/record-audit-event";
import { ApiError } from "../http/api-error";
import { sharedGate } from "../http/concurrency-gate";
import type { RequestMeta } from "../http/request-meta";
import { sharedLimiter } from "../http/sliding-window-limiter";
import { closeTunnel } from "../tunnel/tunnel-registry";
import { findUsableRegistrationToken } from "./find-usable-registration-token";
import { generateAgentCredential, hashSecret } from "./secret-format";

/** The one answer to every unusable token: bad, expired, revoked or for another cluster. */
export const INVALID_REGISTRATION = "Invalid registration token";

/**
 * Refused tokens per client IP: 60 a minute. Only refusals count — a thousand agents behind
 * one NAT enrolling with good tokens are never slowed; a token guesser is.
 */
const refusals = () => sharedLimiter("enroll-refusals", 60, 60_000);
/** Enrolment transactions at once; a burst queues here instead of exhausting the DB pool. */
const gate = () => sharedGate("enroll", 8);

export interface EnrollInput {
  token: string;
  clusterId?: string;
  agentVersion?: string;
}

/**
 * Exchanges a registration token for a long-lived agent credential (stored hashed). The
 * cluster's earlier credentials are revoked and its tunnel closed: one enrolled agent per
 * cluster, and a thief who enrols with a stolen token shows up at once (audit, state).
 */
export async function enrollAgent(input: EnrollInput, meta: RequestMeta): Promise<{ clusterId: string; credential: string }> {
  const allowed = refusals().check(meta.ip);
  if (!allowed.allowed) {
    throw new ApiError("rate_limited", "Too many refused enrolments; try again later", { headers: { "retry-after": String(allowed.retryAfterS) } });
  }
  const agentActor = { id: null, name: "agent" };
  const result = await gate().run(() => prisma.$transaction(async (tx) => {
    const token = await findUsableRegistrationToken(input.token, input.clusterId, tx);
    if (!token) return null;
    const credential = generateAgentCredential();
    const revoked = await tx.agentCredential.updateMany({ where: { clusterId: token.clusterId, revokedAt: null }, data: { revokedAt: new Date() } });
    await tx.agentCredential.create({ data: { clusterId: token.clusterId, credentialHash: hashSecret(credential) } });
    await tx.registrationToken.update({ where: { id: token.id }, data: { useCount: { increment: 1 }, lastUsedAt: new Date() } });
    const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: token.clusterId } });
    await recordAuditEvent(
      {
        actor: agentActor,
        action: "cluster.enroll",
        target: { type: "cluster", id: cluster.id, name: cluster.name },
        ip: meta.ip,
        requestId: meta.requestId,
        details: { tokenId: token.id, agentVersion: input.agentVersion?.slice(0, 64) ?? null, revokedCredentials: revoked.count },
      },
      tx,
    );
    return { clusterId: cluster.id, credential, replaced: revoked.count > 0 };
  }));
  if (!result) {
    refusals().record(meta.ip);
    await recordAuditEvent({
      actor: agentActor,
      action: "cluster.enroll",
      outcome: "failure",
      ip: meta.ip,
      requestId: meta.requestId,
      details: { reason: "invalid-token", claimedClusterId: input.clusterId?.slice(0, 64) ?? null },
    });
    throw new ApiError("bad_request", INVALID_REGISTRATION);
  }
  if (result.replaced) closeTunnel(result.clusterId, "agent re-enrolled");
  return { clusterId: result.clusterId, credential: result.credential };
}
