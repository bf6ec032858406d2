import "server-only";

/**
 * Registers the console's non-Next handlers (WebSocket upgrades, raw streaming routes)
 * and starts its background jobs. Called once by server.ts after the database is ready;
 * returns a function that stops the jobs (called at shutdown, before the DB closes).
 * Each feature adds one line here.
 */
export async function installHandlers(): Promise<() => Promise<void>> {
  const stops: Array<() => Promise<void> | void> = [];
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
