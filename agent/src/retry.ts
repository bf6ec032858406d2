import { createBackoff, sleep } from "./backoff";
import { FatalError } from "./fatal-error";
import { errorMessage, type Logger } from "./logger";
import { RetryableError } from "./register-agent";

/** Thrown by {@link retryUntilDone} when the agent is shutting down. */
export class ShutdownError extends Error {
  constructor() {
    super("agent shutting down");
    this.name = "ShutdownError";
  }
}

/**
 * Runs `attempt` until it succeeds, sleeping with full-jitter backoff between failures. A
 * FatalError ends the loop at once; a RetryableError's Retry-After is honoured as a minimum.
 * @throws FatalError, or ShutdownError once `signal` aborts.
 */
export async function retryUntilDone<T>(what: string, attempt: () => Promise<T>, log: Logger, signal: AbortSignal, backoffBaseMs: number): Promise<T> {
  const backoff = createBackoff({ baseMs: backoffBaseMs });
  for (;;) {
    if (signal.aborted) throw new ShutdownError();
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof FatalError) throw error;
      const delay = Math.max(backoff.next(), error instanceof RetryableError ? (error.retryAfterMs ?? 0) : 0);
      log.warn(`${what} failed, retrying`, { error: errorMessage(error), retryInMs: delay });
      await sleep(delay, signal);
    }
  }
}
