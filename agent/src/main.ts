import type { TunnelSession } from "@/lib/tunnel";
import { FatalError } from "./fatal-error";
import { createLogger, errorMessage } from "./logger";
import { ConfigError, resolveConfig } from "./resolve-config";
import { ShutdownError } from "./retry";
import { DEFAULT_TIMINGS, runAgent } from "./run-agent";

/** Test-only speed-up of reconnect backoff; production never sets it. */
function timingsFromEnv(env: NodeJS.ProcessEnv) {
  const base = Number(env.OUTPOST_BACKOFF_BASE_MS);
  return Number.isInteger(base) && base > 0 ? { ...DEFAULT_TIMINGS, backoffBaseMs: base } : DEFAULT_TIMINGS;
}

async function main(): Promise<number> {
  const log = createLogger();
  const controller = new AbortController();
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      log.info("signal received, shutting down", { signal });
      controller.abort();
    });
  }
  // `kill -USR2 <pid>` logs the tunnel's flow-control state: the first thing to look at when a
  // request through the tunnel seems stuck.
  let tunnel: TunnelSession | undefined;
  process.on("SIGUSR2", () => {
    log.info("tunnel diagnostics", tunnel ? { ...tunnel.stats(), streams: tunnel.streamStats() } : { up: false });
  });
  try {
    const config = resolveConfig(process.argv.slice(2), process.env);
    await runAgent(config, process.env, log, controller.signal, timingsFromEnv(process.env), { onTunnel: (session) => (tunnel = session) });
    return 0;
  } catch (error) {
    if (error instanceof ShutdownError) return 0;
    const fatal = error instanceof FatalError || error instanceof ConfigError;
    const message = fatal ? (error as Error).message : `unexpected error: ${errorMessage(error)}`;
    log.error("fatal", { error: message });
    process.stderr.write(`${log.redact(message)}\n`);
    return 1;
  }
}

void main().then((code) => process.exit(code));
