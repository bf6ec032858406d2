import type { TunnelSession } from "@/lib/tunnel";
import { createBackoff, sleep } from "./backoff";
import { collectIdentity } from "./collect-identity";
import { connectTunnel, CredentialRejectedError } from "./connect-tunnel";
import { FatalError } from "./fatal-error";
import { loadKubeTarget } from "./load-kube-target";
import { errorMessage, type Logger } from "./logger";
import { enrol, obtainCredential, type CredentialContext } from "./obtain-credential";
import type { AgentConfig } from "./resolve-config";
import { HealthPusher } from "./push-health";
import { RetryableError } from "./register-agent";
import { retryUntilDone } from "./retry";
import { runTunnelSession } from "./run-tunnel-session";
import { serveHealth } from "./serve-health";
import { createKubeProxy } from "./serve-kube-proxy";
import { createFileStore, createSecretStore } from "./store-agent-state";
import { resolveConsoleTrust } from "./verify-ca-checksum";
import { watchClusterHealth, type ClusterHealthWatch } from "./watch-cluster-health";
import { AGENT_VERSION } from "./version";

/** Timing knobs; production values by default, shortened only by tests. */
export interface AgentTimings {
  backoffBaseMs: number;
  backoffCapMs: number;
  /** A connection that stayed up this long resets the backoff. */
  stableAfterMs: number;
  infoIntervalMs: number;
  /** Local /readyz check period and deadline (readiness pushed to the console). */
  readinessIntervalMs: number;
  readinessTimeoutMs: number;
  /** Health summaries: at most one message per interval; resend in full when unacknowledged. */
  healthMinIntervalMs: number;
  healthAckTimeoutMs: number;
  /** How often the agent probes its EdgeX services (protocol 4). */
  edgexIntervalMs: number;
}

/** Observers of the agent's life, for diagnostics and for running many agents in one process. */
export interface AgentHooks {
  /** The current tunnel session, or undefined while disconnected. */
  onTunnel?(session: TunnelSession | undefined): void;
}

export const DEFAULT_TIMINGS: AgentTimings = { backoffBaseMs: 1_000, backoffCapMs: 30_000, stableAfterMs: 30_000, infoIntervalMs: 60_000, readinessIntervalMs: 5_000, readinessTimeoutMs: 4_000, healthMinIntervalMs: 5_000, healthAckTimeoutMs: 30_000, edgexIntervalMs: 15_000 };

/**
 * The agent's life: pin the console CA (or fail before the token leaves), obtain a credential
 * (stored, or enrol once), then keep one tunnel up forever with full-jitter backoff between
 * attempts. Returns when `signal` aborts; throws FatalError for what retrying cannot fix.
 */
export async function runAgent(
  config: AgentConfig,
  env: NodeJS.ProcessEnv,
  log: Logger,
  signal: AbortSignal,
  timings = DEFAULT_TIMINGS,
  hooks: AgentHooks = {},
): Promise<void> {
  log.addSecret(config.token);
  const target = loadKubeTarget(config, env);
  log.info("starting", { agentVersion: AGENT_VERSION, server: config.server, apiserver: target.url.origin, inCluster: target.inCluster, pinnedCa: Boolean(config.caChecksum) });

  const trust = await retryUntilDone("fetching /cacerts", () => resolveConsoleTrust(config.server, config.caChecksum), log, signal, timings.backoffBaseMs);
  if (config.caChecksum) log.info("console CA verified and pinned", { checksum: config.caChecksum });

  if (target.inCluster && !target.namespace) throw new FatalError("in-cluster config without a namespace file");
  const store = target.inCluster ? createSecretStore(target, target.namespace!) : createFileStore(config.stateDir);
  const ctx: CredentialContext = { config, trust, store, log, signal, backoffBaseMs: timings.backoffBaseMs, identify: () => collectIdentity(target, config.labels) };
  const state = await obtainCredential(ctx);

  const proxy = createKubeProxy(target, log);
  const health = serveHealth(config.healthPort, log);
  const backoff = createBackoff({ baseMs: timings.backoffBaseMs, capMs: timings.backoffCapMs });
  let reenrolled = false;
  // The watch caches start with the first tunnel (a standby replica never watches) and live
  // across reconnects, so a reconnect costs a summary, not a relist of the cluster.
  let watch: ClusterHealthWatch | undefined;
  const pusher = new HealthPusher(() => watch?.current(), timings, log);
  try {
    while (!signal.aborted) {
      let connected;
      try {
        connected = await connectTunnel(config.server, state, trust);
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof CredentialRejectedError) {
          const token = config.currentToken();
          if (!token || reenrolled) {
            throw new FatalError(`${error.message}: the credential was revoked or the cluster deleted; re-import the cluster to get a new registration token`);
          }
          reenrolled = true;
          log.addSecret(token);
          log.warn("credential rejected; enrolling again with the registration token", { status: error.status });
          Object.assign(state, await enrol({ ...ctx, config: { ...config, token } }));
          continue;
        }
        // A busy console (or one without its database) says when to come back.
        const delay = Math.max(backoff.next(), error instanceof RetryableError ? (error.retryAfterMs ?? 0) : 0);
        log.warn("tunnel connect failed", { error: errorMessage(error), retryInMs: delay });
        await sleep(delay, signal);
        continue;
      }

      const upSince = Date.now();
      const closed = await runTunnelSession(connected.ws, {
        target,
        proxy,
        store,
        state,
        log,
        signal,
        infoIntervalMs: timings.infoIntervalMs,
        readiness: timings,
        health: pusher,
        consoleProtocol: connected.consoleProtocol,
        onUp: (session) => {
          reenrolled = false;
          watch ??= watchClusterHealth(target, () => pusher.changed(), { edgexIntervalMs: timings.edgexIntervalMs });
          health.setTunnelUp(true);
          hooks.onTunnel?.(session);
        },
      });
      health.setTunnelUp(false);
      hooks.onTunnel?.(undefined);
      if (signal.aborted) break;
      // A console that restarts soon after the last one (or a replica that dies soon after
      // its agents moved to it) must not meet agents backed off to the full cap.
      if (Date.now() - upSince >= timings.stableAfterMs) backoff.reset();
      else backoff.reachable();
      const delay = backoff.next();
      log.warn("tunnel down", { code: closed.code, reason: closed.reason, retryInMs: delay });
      await sleep(delay, signal);
    }
  } finally {
    pusher.stop();
    watch?.stop();
    proxy.close();
    await health.close();
  }
  log.info("stopped");
}
