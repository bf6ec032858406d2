import "server-only";
import type { FleetRegistration } from "@/lib/generated/prisma/client";
import type { TClusterIdentity } from "@/lib/shared/fleet-registration/fleet-registration.schema";
import { proposeCluster } from "@/lib/shared/fleet-registration/render-registration";
import { prisma, type TransactionClient } from "../db/prisma";
import { recordAuditEvent } from "../audit/record-audit-event";
import { enrolmentRefusals } from "../enrollment/enroll-agent";
import { generateAgentCredential, hashSecret, isWellFormedFleetToken } from "../enrollment/secret-format";
import { ApiError } from "../http/api-error";
import { sharedGate } from "../http/concurrency-gate";
import type { RequestMeta } from "../http/request-meta";
import { PostgresWindowLimiter } from "../http/postgres-window-limiter";
import { getRuntimeContext } from "../runtime/runtime-context";
import { isClusterConnected } from "../tunnel/tunnel-registry";
import { createRegisteredCluster } from "./create-registered-cluster";

/** The one answer to an unusable fleet token (garbage, unknown, expired, revoked). */
export const INVALID_FLEET_TOKEN = "Invalid fleet token";
export const FLEET_TOKEN_USED_UP = "Fleet token used up: it has admitted its maximum number of clusters";

/** Asks from one machine while it waits: 20 a minute (its agent asks every poll interval). */
const polls = new PostgresWindowLimiter("fleet-register-polls", 20, 60_000);
const gate = () => sharedGate("enroll", 8);
const AGENT = { id: null, name: "agent" };

export type FleetRegisterResult =
  | { status: "registered"; clusterId: string; credential: string }
  | { status: "pending"; registrationId: string; retryAfterS: number };

type Outcome =
  | FleetRegisterResult
  | { status: "rejected"; registrationId: string }
  | { status: "refused"; reason: "invalid-token" | "used-up" | "connected"; registrationId?: string; clusterId?: string };

/** A used-up token still serves machines it already admitted; a new machine needs a use. */
async function claimUse(tx: TransactionClient, tokenId: string): Promise<boolean> {
  const claimed = await tx.$executeRaw`
    UPDATE fleet_tokens SET "useCount" = "useCount" + 1, "lastUsedAt" = now()
    WHERE id = ${tokenId} AND "revokedAt" IS NULL AND "expiresAt" > now() AND ("maxUses" IS NULL OR "useCount" < "maxUses")`;
  return claimed > 0;
}

async function issueCredential(tx: TransactionClient, registration: FleetRegistration, clusterId: string, meta: RequestMeta, agentVersion: string | undefined): Promise<Outcome> {
  // Never displace a connected agent: a second machine presenting a known machine id (a
  // leaked token plus a guessed id) must not take over a live cluster.
  if (isClusterConnected(clusterId)) return { status: "refused", reason: "connected", registrationId: registration.id, clusterId };
  const credential = generateAgentCredential();
  const revoked = await tx.agentCredential.updateMany({ where: { clusterId, revokedAt: null }, data: { revokedAt: new Date() } });
  await tx.agentCredential.create({ data: { clusterId, credentialHash: hashSecret(credential) } });
  await recordAuditEvent(
    { actor: AGENT, action: "cluster.enroll", target: { type: "cluster", id: clusterId, name: registration.name }, ip: meta.ip, requestId: meta.requestId, details: { via: "fleet-registration", registrationId: registration.id, fleetTokenId: registration.fleetTokenId, agentVersion: agentVersion?.slice(0, 64) ?? null, revokedCredentials: revoked.count } },
    tx,
  );
  return { status: "registered", clusterId, credential };
}

async function decide(tx: TransactionClient, input: { token: string; identity: TClusterIdentity; agentVersion?: string }, meta: RequestMeta): Promise<Outcome> {
  const token = await tx.fleetToken.findUnique({ where: { tokenHash: hashSecret(input.token) } });
  if (!token || token.revokedAt || token.expiresAt <= new Date()) return { status: "refused", reason: "invalid-token" };
  const { identity } = input;
  // Registrations of one machine queue here (the row may not exist yet, so no row lock).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`fleet-registration:${identity.machineId}`}))`;
  let registration = await tx.fleetRegistration.findUnique({ where: { machineId: identity.machineId } });
  const reported = { nodeName: identity.nodeName, arch: identity.arch, k3sVersion: identity.k3sVersion, agentVersion: input.agentVersion?.slice(0, 64) ?? null, reportedLabels: identity.labels, ip: meta.ip, lastSeenAt: new Date() };
  if (!registration) {
    if (!(await claimUse(tx, token.id))) return { status: "refused", reason: "used-up" };
    const proposal = proposeCluster(token, identity);
    registration = await tx.fleetRegistration.create({
      data: { machineId: identity.machineId, fleetTokenId: token.id, state: token.requireApproval ? "pending" : "approved", ...proposal, ...reported, ...(token.requireApproval ? {} : { decidedAt: new Date(), decidedByName: "auto-approval" }) },
    });
    await recordAuditEvent(
      { actor: AGENT, action: "fleet.register", target: { type: "fleet-registration", id: registration.id, name: registration.name }, ip: meta.ip, requestId: meta.requestId, details: { fleetTokenId: token.id, machineId: identity.machineId, nodeName: identity.nodeName, k3sVersion: identity.k3sVersion, state: registration.state } },
      tx,
    );
  } else {
    registration = await tx.fleetRegistration.update({ where: { id: registration.id }, data: reported });
  }
  if (registration.state === "pending") return { status: "pending", registrationId: registration.id, retryAfterS: getRuntimeContext().config.registrationPollSeconds };
  if (registration.state === "rejected") return { status: "rejected", registrationId: registration.id };
  const clusterId = registration.clusterId ?? (await createRegisteredCluster(tx, registration, { id: null, name: "auto-approval" }, meta)).id;
  return issueCredential(tx, { ...registration, clusterId }, clusterId, meta, input.agentVersion);
}

/**
 * Self-registration with a fleet token (docs/SECURITY.md "Fleet tokens"). The first ask of
 * a machine takes one of the token's uses and creates its registration — pending, or
 * approved at once when the token needs no approval; asking again from the same machine id
 * finds the same registration (and cluster), never a second one. An approved registration
 * gets its cluster's own agent credential (earlier ones revoked); a pending or rejected
 * one gets nothing. Refusals share the enrolment refusals limit per IP; a waiting machine's
 * asks are limited per machine.
 */
export async function registerWithFleetToken(input: { token: string; identity?: TClusterIdentity; agentVersion?: string }, meta: RequestMeta): Promise<FleetRegisterResult> {
  const identity = input.identity;
  if (!identity) throw new ApiError("bad_request", "A fleet token needs the agent's cluster identity: update the agent");
  const outcome = await gate().run(async (): Promise<Outcome> => {
    const slot = await enrolmentRefusals.take(meta.ip);
    if (!slot.allowed) throw new ApiError("rate_limited", "Too many refused enrolments; try again later", { headers: { "retry-after": String(slot.retryAfterS) } });
    const paced = await polls.take(identity.machineId);
    if (!paced.allowed) {
      await enrolmentRefusals.release(slot);
      throw new ApiError("rate_limited", "Asking too often; try again later", { headers: { "retry-after": String(paced.retryAfterS) } });
    }
    const result = !isWellFormedFleetToken(input.token)
      ? ({ status: "refused", reason: "invalid-token" } as const)
      : await prisma.$transaction((tx) => decide(tx, { ...input, identity }, meta)).catch(async (error: unknown) => {
          await enrolmentRefusals.release(slot).catch(() => undefined);
          throw error;
        });
    if (result.status !== "refused" || result.reason === "connected") await enrolmentRefusals.release(slot);
    return result;
  });
  if (outcome.status === "registered" || outcome.status === "pending") return outcome;
  if (outcome.status === "rejected") {
    throw new ApiError("forbidden", "Registration rejected by an operator", { headers: { "retry-after": String(getRuntimeContext().config.registrationPollSeconds * 10) } });
  }
  await recordAuditEvent({
    actor: AGENT,
    action: "fleet.register",
    outcome: "failure",
    ip: meta.ip,
    requestId: meta.requestId,
    ...(outcome.registrationId ? { target: { type: "fleet-registration", id: outcome.registrationId } } : {}),
    details: { reason: outcome.reason, machineId: identity.machineId.slice(0, 64), clusterId: outcome.clusterId ?? null },
  });
  if (outcome.reason === "connected") throw new ApiError("conflict", "This machine's cluster has a connected agent; stop it before registering again");
  throw new ApiError("bad_request", outcome.reason === "used-up" ? FLEET_TOKEN_USED_UP : INVALID_FLEET_TOKEN);
}
