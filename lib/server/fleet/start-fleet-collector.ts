import "server-only";
import { log } from "../log/logger";
import { FleetCollector, type PassStats } from "./fleet-collector";
import { loadFleetConfig, type FleetConfig } from "./fleet-config";
import { closeFleetStreams } from "./fleet-stream-hub";

// The latest pass, process-wide (diagnostics and benchmarks read it from any module copy).
const KEY = Symbol.for("outpost.fleet.last-pass");
type Holder = { [KEY]?: PassStats & { at: string } };

/** Figures of the collector's latest completed pass, if any. */
export function lastFleetPass(): (PassStats & { at: string }) | undefined {
  return (globalThis as Holder)[KEY];
}

const PUSHED_FLUSH_MS = 1_000;

/**
 * Runs the health collector every `intervalMs` (start to start; a pass that overruns is
 * followed at once by the next, never overlapped). Returns the stop function for shutdown,
 * and writes health pushed by agents every second. The stop function also ends the open fleet streams (they would otherwise hold the shutdown drain).
 */
export function startFleetCollector(config: FleetConfig = loadFleetConfig()): () => Promise<void> {
  const collector = new FleetCollector(config);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();
  const tick = () => {
    const started = Date.now();
    current = collector
      .runPass()
      .then((s) => {
        (globalThis as Holder)[KEY] = { ...s, at: new Date().toISOString() };
        log.debug(`fleet pass: ${s.active} active, ${s.fresh} fresh, ${s.failed} failed, ${s.changed} changed in ${s.ms} ms`);
      })
      .catch((error: unknown) => log.error(`fleet pass failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, Math.max(0, config.intervalMs - (Date.now() - started)));
      });
  };
  timer = setTimeout(tick, 0);
  // Health pushed by agents (protocol 3) is written within a second of arriving.
  const flusher = setInterval(() => {
    collector.flushPushed().catch((error: unknown) => log.warn(`fleet: pushed health not written: ${error instanceof Error ? error.message : String(error)}`));
  }, PUSHED_FLUSH_MS);
  log.info(`Fleet health collector: every ${config.intervalMs / 1000} s, ${config.mode} mode, concurrency ${config.concurrency}`);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    clearInterval(flusher);
    closeFleetStreams();
    await current;
    await collector.stop();
  };
}
