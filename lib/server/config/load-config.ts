import "server-only";
import os from "node:os";
import path from "node:path";
import { ZEnvSchema } from "./config.schema";

/** The console's configuration, resolved from the environment once at start. */
export interface OutpostConfig {
  port: number;
  bindAddress: string;
  dataDir: string;
  /** Names on the serving certificate: localhost, 127.0.0.1 and OUTPOST_HOSTNAMES. */
  hostnames: string[];
  /** The URL agents and import commands use. */
  serverUrl: string;
  bootstrapPassword: string | undefined;
  databaseUrl: string | undefined;
  tls: { certFile?: string; keyFile?: string; caFile?: string };
  registrationTokenTtlHours: number;
  /** How often an agent waiting for approval of its self-registration asks again (Retry-After). */
  registrationPollSeconds: number;
  /** How long a rotated-out registration token keeps working. */
  tokenRotationGraceMs: number;
  /**
   * A prebuilt agent image (OUTPOST_AGENT_IMAGE) for import manifests and docker commands;
   * undefined → the public Node.js image running the bootstrap, which downloads and
   * verifies the bundle from /v3/agent.js.
   */
  agentImage: string | undefined;
  shutdownTimeoutMs: number;
  /** A pod shell without keystrokes or resizes for this long is ended. */
  shellIdleTimeoutMs: number;
  logLevel: "debug" | "info" | "warn" | "error";
  /** This process among several console replicas sharing one database (default host:port). */
  replicaId: string;
  /** The URL other replicas use to forward requests for clusters whose tunnel this one holds. */
  peerUrl: string;
  /** Bearer token Prometheus presents at /metrics; /metrics answers 404 without one. */
  metricsToken: string | undefined;
}

/** Thrown for invalid configuration; the message names every offending variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Validates the environment and derives the configuration. Throws ConfigError with one
 * line per invalid variable ("OUTPOST_PORT: must be between 1 and 65535").
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): OutpostConfig {
  const parsed = ZEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${String(issue.path[0] ?? "environment")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (Boolean(e.OUTPOST_TLS_CERT_FILE) !== Boolean(e.OUTPOST_TLS_KEY_FILE)) {
    throw new ConfigError(
      "Invalid configuration:\n  OUTPOST_TLS_CERT_FILE: OUTPOST_TLS_CERT_FILE and OUTPOST_TLS_KEY_FILE must be set together",
    );
  }
  const hostnames = [...new Set(["localhost", "127.0.0.1", ...e.OUTPOST_HOSTNAMES])];
  const firstName = e.OUTPOST_HOSTNAMES[0] ?? "localhost";
  const serverUrl = (e.OUTPOST_SERVER_URL ?? `https://${firstName}:${e.OUTPOST_PORT}`).replace(/\/+$/, "");
  return {
    port: e.OUTPOST_PORT,
    bindAddress: e.OUTPOST_BIND_ADDRESS,
    dataDir: path.resolve(e.OUTPOST_DATA_DIR),
    hostnames,
    serverUrl,
    bootstrapPassword: e.OUTPOST_BOOTSTRAP_PASSWORD,
    databaseUrl: e.DATABASE_URL,
    tls: { certFile: e.OUTPOST_TLS_CERT_FILE, keyFile: e.OUTPOST_TLS_KEY_FILE, caFile: e.OUTPOST_TLS_CA_FILE },
    registrationTokenTtlHours: e.OUTPOST_REGISTRATION_TOKEN_TTL_HOURS,
    registrationPollSeconds: e.OUTPOST_REGISTRATION_POLL_SECONDS,
    tokenRotationGraceMs: e.OUTPOST_TOKEN_ROTATION_GRACE_MINUTES * 60_000,
    agentImage: e.OUTPOST_AGENT_IMAGE,
    shutdownTimeoutMs: e.OUTPOST_SHUTDOWN_TIMEOUT_SECONDS * 1000,
    shellIdleTimeoutMs: e.OUTPOST_SHELL_IDLE_TIMEOUT_MINUTES * 60_000,
    logLevel: e.OUTPOST_LOG_LEVEL,
    metricsToken: e.OUTPOST_METRICS_TOKEN,
    replicaId: e.OUTPOST_REPLICA_ID ?? `${os.hostname()}:${e.OUTPOST_PORT}`,
    peerUrl: (e.OUTPOST_PEER_URL ?? `https://127.0.0.1:${e.OUTPOST_PORT}`).replace(/\/+$/, ""),
  };
}
