import "server-only";
import { prisma } from "../db/prisma";
import { recordAuditEvent } from "../audit/record-audit-event";
import { ApiError } from "../http/api-error";
import { sharedGate } from "../http/concurrency-gate";
import type { RequestMeta } from "../http/request-meta";
import { PostgresWindowLimiter } from "../http/postgres-window-limiter";
import { closeTunnel } from "../tunnel/tunnel-registry";
import { findRegistrationToken } from "./find-registration-token";
import { generateAgentCredential, hashSecret } from "./secret-format";

/** The one answer to every unusable token: bad, expired, revoked or for another cluster. */
export const INVALID_REGISTRATION = "Invalid registration token";
/** The answer to a token an agent has already enrolled with (only its holder can see it). */
export const USED_REGISTRATION = "Registration token already used: an agent has enrolled with it. Generate a new import command in the console to import this cluster again";

/**
 * Refused tokens per client IP: 60 a minute, counted in PostgreSQL (shared by replicas).
 * Every enrolment takes a slot before its token is looked at and a successful one gives it
 * back, so only refusals count — a thousand agents behind one NAT enrolling with good
 * tokens are never slowed; a token guesser is, however many requests race. Fleet-token
 * registrations count their refusals in the same bucket.
 */
export const enrolmentRefusals = new PostgresWindowLimiter("enroll-refusals", 60, 60_000);
const refusals = enrolmentRefusals;
/** Enrolment transactions at once; a burst queues here instead of exhausting the DB pool. */
const gate = () => sharedGate("enroll", 8);

export interface EnrollInput {
  token: string;
  clusterId?: string;
  agentVersion?: string;
}

type Outcome =
  | { ok: true; clusterId: string; credential: string; replaced: boolean }
  | { ok: false; reason: "invalid-token" }
  | { ok: false; reason: "token-already-used"; tokenId: string; cluster: { id: string; name: string } };

/**
 * Exchanges a registration token for a long-lived agent credential (stored hashed). Tokens
 * are single-use: the first enrolment claims the token, every later one is refused and
 * audited. The cluster's earlier credentials are revoked and its tunnel closed, and
 * enrolments of one cluster are serialised on its row, so however many requests race,
 * exactly one credential per cluster is live afterwards.
 */
export async function enrollAgent(input: EnrollInput, meta: RequestMeta): Promise<{ clusterId: string; credential: string }> {
  const agentActor = { id: null, name: "agent" };
  const result = await gate().run(async () => {
    // Inside the gate: at most 8 slots per replica are held by enrolments still running.
    const slot = await refusals.take(meta.ip);
    if (!slot.allowed) {
      throw new ApiError("rate_limited", "Too many refused enrolments; try again later", { headers: { "retry-after": String(slot.retryAfterS) } });
    }
    const outcome = await prisma
      .$transaction(async (tx): Promise<Outcome> => {
        const lookup = await findRegistrationToken(input.token, input.clusterId, tx);
        if (lookup.status === "invalid") return { ok: false, reason: "invalid-token" };
        const token = lookup.row;
        // Concurrent enrolments of one cluster (same token, or two live tokens during a
        // rotation grace) queue here; the claim below then sees the winner's commit.
        await tx.$executeRaw`SELECT 1 FROM clusters WHERE id = ${token.clusterId} FOR UPDATE`;
        const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: token.clusterId } });
        const claimed = await tx.registrationToken.updateMany({
          where: { id: token.id, useCount: 0, revokedAt: null, expiresAt: { gt: new Date() } },
          data: { useCount: { increment: 1 }, lastUsedAt: new Date() },
        });
        if (claimed.count === 0) return { ok: false, reason: "token-already-used", tokenId: token.id, cluster: { id: cluster.id, name: cluster.name } };
        const credential = generateAgentCredential();
        const revoked = await tx.agentCredential.updateMany({ where: { clusterId: token.clusterId, revokedAt: null }, data: { revokedAt: new Date() } });
        await tx.agentCredential.create({ data: { clusterId: token.clusterId, credentialHash: hashSecret(credential) } });
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
        return { ok: true, clusterId: cluster.id, credential, replaced: revoked.count > 0 };
      })
      .catch(async (error: unknown) => {
        // A failure that is not a refusal (the database went away) does not count either.
        await refusals.release(slot).catch(() => undefined);
        throw error;
      });
    if (outcome.ok) await refusals.release(slot);
    return outcome;
  });
  if (!result.ok) {
    const used = result.reason === "token-already-used";
    await recordAuditEvent({
      actor: agentActor,
      action: "cluster.enroll",
      outcome: "failure",
      ip: meta.ip,
      requestId: meta.requestId,
      ...(used ? { target: { type: "cluster", id: result.cluster.id, name: result.cluster.name } } : {}),
      details: used
        ? { reason: result.reason, tokenId: result.tokenId, agentVersion: input.agentVersion?.slice(0, 64) ?? null }
        : { reason: result.reason, claimedClusterId: input.clusterId?.slice(0, 64) ?? null },
    });
    throw new ApiError("bad_request", used ? USED_REGISTRATION : INVALID_REGISTRATION);
  }
  if (result.replaced) closeTunnel(result.clusterId, "agent re-enrolled");
  return { clusterId: result.clusterId, credential: result.credential };
}
