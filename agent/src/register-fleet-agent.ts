import type { ClusterIdentity } from "./collect-identity";
import { FatalError } from "./fatal-error";
import { RetryableError, type AgentState } from "./register-agent";
import { requestConsole, type ConsoleTrust } from "./request-console";
import { AGENT_VERSION } from "./version";

/** Fleet tokens (`oft-…`) register a new cluster; anything else is one cluster's registration token. */
export function isFleetToken(token: string): boolean {
  return token.startsWith("oft-");
}

/** How long a rejected agent waits before asking again (an operator may still approve it). */
const REJECTED_RETRY_MS = 600_000;

function parseBody(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function retryAfterMs(headers: Record<string, string | string[] | undefined>, fallbackMs: number | undefined): number | undefined {
  const seconds = Number(headers["retry-after"]);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 3600) * 1000 : fallbackMs;
}

/**
 * Self-registration: `POST <server>/v3/connect/register {token, identity, agentVersion}`.
 * 200 → `{clusterId, credential}` (approved: this cluster's own credential); 202 → waiting
 * for approval, and 403 → rejected: both retried slowly (the console's Retry-After; a
 * rejected agent at most every 10 minutes), with nothing granted meanwhile.
 * @throws FatalError on 400/401 (bad, expired, revoked or used-up token), RetryableError otherwise.
 */
export async function registerFleetAgent(server: string, token: string, identity: ClusterIdentity, trust: ConsoleTrust): Promise<AgentState> {
  const response = await requestConsole(`${server}/v3/connect/register`, { method: "POST", json: { token, identity, agentVersion: AGENT_VERSION }, trust });
  const body = parseBody(response.body);
  if (response.status === 200) {
    if (typeof body.clusterId !== "string" || typeof body.credential !== "string" || !body.clusterId || !body.credential) {
      throw new RetryableError("registration answer lacks clusterId/credential", undefined);
    }
    return { clusterId: body.clusterId, credential: body.credential, server };
  }
  const error = body.error as { message?: unknown } | undefined;
  const message = typeof error?.message === "string" && error.message ? error.message : `registration answered ${response.status}`;
  if (response.status === 202) throw new RetryableError(`waiting for approval (registration ${String(body.registrationId ?? "")})`, retryAfterMs(response.headers, 60_000));
  if (response.status === 403) throw new RetryableError(message, retryAfterMs(response.headers, REJECTED_RETRY_MS));
  if (response.status === 400 || response.status === 401) throw new FatalError(message);
  throw new RetryableError(message, retryAfterMs(response.headers, undefined));
}
