import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

/** Where the import manifest mounts the `outpost-credentials` Secret. */
export const CREDENTIALS_DIR = "/etc/outpost/credentials";
/** Kubernetes' service-account mount inside every pod. */
export const SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

/** Everything the agent needs to know before it starts, after flags > env > secret. */
export interface AgentConfig {
  /** Console base URL (https in production), without trailing slash. */
  server: string;
  /** Registration token at start; only needed until a credential is stored. */
  token: string | undefined;
  /**
   * The registration token as configured now: flags/env, else the mounted secret re-read
   * (Kubernetes updates mounted Secrets in place, and an operator may have removed it).
   */
  currentToken(): string | undefined;
  /** Lowercase hex SHA-256 of the console CA PEM; undefined → system roots. */
  caChecksum: string | undefined;
  clusterId: string | undefined;
  /** Bare host / docker form; undefined → in-cluster config. */
  kubeconfig: string | undefined;
  /** Credential file directory, used only with --kubeconfig. */
  stateDir: string;
  /** Prefix for every absolute in-cluster path (tests and the simulator), "" in production. */
  pathPrefix: string;
  /** /healthz port, 0 = off. */
  healthPort: number;
  /** Labels reported when registering with a fleet token (`--labels rack=3,zone=a`). */
  labels: Record<string, string>;
}

/** A configuration problem the operator must fix; the agent exits 1 with its message. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Resolves an absolute in-cluster path under OUTPOST_PATH_PREFIX (like client-node's pathPrefix). */
export function inClusterPath(config: Pick<AgentConfig, "pathPrefix">, absolute: string): string {
  return config.pathPrefix ? path.join(config.pathPrefix, absolute) : absolute;
}

function readSecretFile(dir: string, name: string): string | undefined {
  try {
    const value = fs.readFileSync(path.join(dir, name), "utf8").trim();
    return value.length > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function parseServer(raw: string | undefined): string {
  if (!raw) throw new ConfigError("no console URL: pass --server, set OUTPOST_SERVER or mount the credentials secret");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`invalid console URL ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ConfigError("the console URL must be https://");
  if (url.username || url.password) throw new ConfigError("the console URL must not contain credentials");
  if (url.search || url.hash) throw new ConfigError("the console URL must not have a query or fragment");
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

function parseChecksum(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const value = raw.toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(value)) throw new ConfigError("--ca-checksum must be 64 hex characters (SHA-256)");
  return value;
}

function parseLabels(raw: string | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const entry of (raw ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const eq = entry.indexOf("=");
    if (eq <= 0) throw new ConfigError(`--labels: ${JSON.stringify(entry)} is not key=value`);
    labels[entry.slice(0, eq).trim()] = entry.slice(eq + 1).trim();
  }
  return labels;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 8091;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`invalid OUTPOST_HEALTH_PORT ${JSON.stringify(raw)}`);
  return port;
}

/**
 * Builds the agent configuration from command-line flags, environment and the mounted
 * credentials secret, in that order of precedence.
 * @throws ConfigError on unknown flags or invalid values.
 */
export function resolveConfig(argv: string[], env: NodeJS.ProcessEnv): AgentConfig {
  let flags: Record<string, string | undefined>;
  try {
    ({ values: flags } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        server: { type: "string" },
        token: { type: "string" },
        "ca-checksum": { type: "string" },
        "cluster-id": { type: "string" },
        kubeconfig: { type: "string" },
        "state-dir": { type: "string" },
        labels: { type: "string" },
      },
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const pathPrefix = env.OUTPOST_PATH_PREFIX ?? "";
  const secretDir = inClusterPath({ pathPrefix }, CREDENTIALS_DIR);
  const pick = (flag: string, envName: string | null, secretKey: string | null) =>
    nonEmpty(flags[flag]) ??
    (envName ? nonEmpty(env[envName]) : undefined) ??
    (secretKey ? readSecretFile(secretDir, secretKey) : undefined);

  const currentToken = () => pick("token", "OUTPOST_TOKEN", "token");
  return {
    server: parseServer(pick("server", "OUTPOST_SERVER", "url")),
    token: currentToken(),
    currentToken,
    caChecksum: parseChecksum(pick("ca-checksum", "OUTPOST_CA_CHECKSUM", null)),
    clusterId: pick("cluster-id", "OUTPOST_CLUSTER_ID", "cluster-id"),
    kubeconfig: pick("kubeconfig", null, null),
    stateDir: pick("state-dir", null, null) ?? "/var/lib/outpost-agent",
    pathPrefix,
    healthPort: parsePort(env.OUTPOST_HEALTH_PORT),
    labels: parseLabels(pick("labels", "OUTPOST_LABELS", "labels")),
  };
}
