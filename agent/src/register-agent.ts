import { AGENT_VERSION } from "./version";
import { FatalError } from "./fatal-error";
import { requestConsole, type ConsoleTrust } from "./request-console";

/** What the agent keeps between restarts. `server` binds the credential to one console. */
export interface AgentState {
  clusterId: string;
  credential: string;
  server: string;
}

/** The console asked us to slow down (429) or is unavailable; retry after `retryAfterMs`. */
export class RetryableError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super(message);
    this.name = "RetryableError";
  }
}

/** A `Retry-After` in seconds (at most 5 min), in ms; undefined when absent or not a positive number. */
export function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 300) * 1000 : undefined;
}

function parseJson(body: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Exchanges the registration token for a long-lived agent credential:
 * `POST <server>/v3/connect/register {token, clusterId?, agentVersion}` → `{clusterId, credential}`.
 * @throws FatalError on 400 (bad/expired/revoked token: retrying cannot help), RetryableError
 *   on 429/5xx, plain errors on network failures.
 */
export async function registerAgent(server: string, token: string, clusterId: string | undefined, trust: ConsoleTrust): Promise<AgentState> {
  const response = await requestConsole(`${server}/v3/connect/register`, {
    method: "POST",
    json: { token, ...(clusterId ? { clusterId } : {}), agentVersion: AGENT_VERSION },
    trust,
  });
  const body = parseJson(response.body);
  if (response.status === 200) {
    if (typeof body.clusterId !== "string" || typeof body.credential !== "string" || !body.clusterId || !body.credential) {
      throw new RetryableError("registration answer lacks clusterId/credential", undefined);
    }
    return { clusterId: body.clusterId, credential: body.credential, server };
  }
  if (response.status === 400 || response.status === 401 || response.status === 403) {
    // The console answers every bad token with one generic message (no oracle); show it as is.
    // The console's error body is `{ error: { code, message } }`.
    const error = body.error as { message?: unknown } | undefined;
    const text = typeof error?.message === "string" ? error.message : body.message;
    const message = typeof text === "string" && text ? text : `registration refused (${response.status})`;
    throw new FatalError(message);
  }
  throw new RetryableError(`registration answered ${response.status}`, retryAfterMs(response.headers["retry-after"]));
}
