import type { ClusterIdentity } from "./collect-identity";
import type { AgentConfig } from "./resolve-config";
import { FatalError } from "./fatal-error";
import type { Logger } from "./logger";
import { registerAgent, type AgentState } from "./register-agent";
import { isFleetToken, registerFleetAgent } from "./register-fleet-agent";
import type { ConsoleTrust } from "./request-console";
import { retryUntilDone } from "./retry";
import type { StateStore } from "./store-agent-state";

/** Shared context of the credential steps. */
export interface CredentialContext {
  config: AgentConfig;
  trust: ConsoleTrust;
  store: StateStore;
  log: Logger;
  signal: AbortSignal;
  backoffBaseMs: number;
  /** The cluster's identity, read afresh for each fleet-token registration attempt. */
  identify(): Promise<ClusterIdentity>;
}

/**
 * Enrols with the registration token and persists the credential before using it, so a
 * crash right after enrolment never forces a second use of the token.
 * @throws FatalError when no token is configured or the console refuses it.
 */
export async function enrol(ctx: CredentialContext): Promise<AgentState> {
  const { config, log } = ctx;
  const token = config.token;
  if (!token) {
    throw new FatalError("no stored agent credential and no registration token: pass --token or OUTPOST_TOKEN (see the cluster's import command)");
  }
  const fleet = isFleetToken(token);
  log.info(fleet ? "registering with a fleet token" : "enrolling", { server: config.server, clusterId: config.clusterId ?? null });
  const attempt = fleet
    ? async () => registerFleetAgent(config.server, token, await ctx.identify(), ctx.trust)
    : () => registerAgent(config.server, token, config.clusterId, ctx.trust);
  const state = await retryUntilDone("registration", attempt, log, ctx.signal, ctx.backoffBaseMs);
  ctx.log.addSecret(state.credential);
  await retryUntilDone("saving the credential", () => ctx.store.save(state), log, ctx.signal, ctx.backoffBaseMs);
  log.info("enrolled", { clusterId: state.clusterId, stored: ctx.store.where });
  return state;
}

/**
 * Returns the stored credential for this console, enrolling only when there is none. A
 * credential stored for a different console URL is never sent to this one.
 */
export async function obtainCredential(ctx: CredentialContext): Promise<AgentState> {
  const stored = await retryUntilDone("reading the stored credential", () => ctx.store.load(), ctx.log, ctx.signal, ctx.backoffBaseMs);
  if (stored && stored.server === ctx.config.server) {
    ctx.log.addSecret(stored.credential);
    ctx.log.info("using stored credential", { clusterId: stored.clusterId, stored: ctx.store.where });
    return stored;
  }
  if (stored) ctx.log.warn("stored credential belongs to another console; enrolling again", { storedFor: stored.server });
  return enrol(ctx);
}
