import "server-only";
import os from "node:os";
import path from "node:path";
import { ZEnvSchema } from "./config.schema";

/** The console's configuration, resolved from the environment once at start. */
/** The OpenID provider Outpost signs users in with (docs/SECURITY.md "Single sign-on"). */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE only). */
  clientSecret: string | undefined;
  /** The sign-in button's label. */
  name: string;
  usernameClaim: string;
  groupsClaim: string;
  scopes: string[];
}

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
  /** Single sign-on (OpenID Connect), when OUTPOST_OIDC_ISSUER is set. */
  oidc: OidcConfig | undefined;
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
  if (e.OUTPOST_OIDC_ISSUER && !e.OUTPOST_OIDC_CLIENT_ID) {
    throw new ConfigError("Invalid configuration:\n  OUTPOST_OIDC_CLIENT_ID: required when OUTPOST_OIDC_ISSUER is set");
  }
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
    oidc: e.OUTPOST_OIDC_ISSUER
      ? {
          issuer: e.OUTPOST_OIDC_ISSUER.replace(/\/+$/, ""),
          clientId: e.OUTPOST_OIDC_CLIENT_ID!,
          clientSecret: e.OUTPOST_OIDC_CLIENT_SECRET,
          name: e.OUTPOST_OIDC_NAME ?? "Single sign-on",
          usernameClaim: e.OUTPOST_OIDC_USERNAME_CLAIM ?? "preferred_username",
          groupsClaim: e.OUTPOST_OIDC_GROUPS_CLAIM ?? "groups",
          scopes: (e.OUTPOST_OIDC_SCOPES ?? "openid profile email groups").split(/[\s,]+/).filter(Boolean),
        }
      : undefined,
    replicaId: e.OUTPOST_REPLICA_ID ?? `${os.hostname()}:${e.OUTPOST_PORT}`,
    peerUrl: (e.OUTPOST_PEER_URL ?? `https://127.0.0.1:${e.OUTPOST_PORT}`).replace(/\/+$/, ""),
  };
}
