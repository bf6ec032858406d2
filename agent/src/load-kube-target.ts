import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { ConfigError, SERVICE_ACCOUNT_DIR, inClusterPath, type AgentConfig } from "./resolve-config";

/** How the agent reaches and authenticates to its cluster's kube-apiserver. */
export interface KubeTarget {
  /** https://host:port of the apiserver. */
  url: URL;
  /** TLS options for every apiserver connection (CA, client cert, server name). */
  tls: { ca?: Buffer; cert?: Buffer; key?: Buffer; rejectUnauthorized: boolean; servername?: string };
  /** The agent's own Authorization header value, read fresh (projected tokens rotate). */
  authorization(): string | undefined;
  /** The agent's namespace (in-cluster), where it keeps its state Secret. */
  namespace: string | undefined;
  inCluster: boolean;
}

/** Re-read interval of token files: projected SA tokens are rotated by the kubelet. */
const TOKEN_TTL_MS = 30_000;

function cachedTokenFile(file: string): () => string | undefined {
  let cached: { value: string; readAt: number } | undefined;
  return () => {
    const now = Date.now();
    if (!cached || now - cached.readAt > TOKEN_TTL_MS) {
      try {
        cached = { value: fs.readFileSync(file, "utf8").trim(), readAt: now };
      } catch (error) {
        if (!cached) throw new ConfigError(`cannot read token file ${file}: ${(error as Error).message}`);
      }
    }
    return cached ? `Bearer ${cached.value}` : undefined;
  };
}

function loadInCluster(config: AgentConfig, env: NodeJS.ProcessEnv): KubeTarget {
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT;
  if (!host || !port) {
    throw new ConfigError("not running in a cluster (KUBERNETES_SERVICE_HOST unset): pass --kubeconfig");
  }
  const dir = inClusterPath(config, SERVICE_ACCOUNT_DIR);
  const read = (name: string) => {
    try {
      return fs.readFileSync(path.join(dir, name));
    } catch (error) {
      throw new ConfigError(`cannot read service account ${name}: ${(error as Error).message}`);
    }
  };
  const ca = read("ca.crt");
  const namespace = read("namespace").toString("utf8").trim();
  const authorization = cachedTokenFile(path.join(dir, "token"));
  authorization(); // fail at start, not at the first request
  const hostPart = host.includes(":") ? `[${host}]` : host;
  return { url: new URL(`https://${hostPart}:${port}`), tls: { ca, rejectUnauthorized: true }, authorization, namespace, inCluster: true };
}

type Named<T> = { name?: string } & T;
interface KubeconfigFile {
  "current-context"?: string;
  clusters?: Named<{ cluster?: Record<string, unknown> }>[];
  users?: Named<{ user?: Record<string, unknown> }>[];
  contexts?: Named<{ context?: { cluster?: string; user?: string } }>[];
}

function loadKubeconfig(file: string): KubeTarget {
  let doc: KubeconfigFile;
  try {
    doc = YAML.parse(fs.readFileSync(file, "utf8")) as KubeconfigFile;
  } catch (error) {
    throw new ConfigError(`cannot read kubeconfig ${file}: ${(error as Error).message}`);
  }
  const base = path.dirname(file);
  const context = doc.contexts?.find((c) => c.name === doc["current-context"])?.context ?? doc.contexts?.[0]?.context;
  const cluster = doc.clusters?.find((c) => c.name === context?.cluster)?.cluster ?? doc.clusters?.[0]?.cluster;
  const user = doc.users?.find((u) => u.name === context?.user)?.user ?? doc.users?.[0]?.user ?? {};
  if (!cluster || typeof cluster.server !== "string") throw new ConfigError(`kubeconfig ${file} has no cluster server`);
  if (user.exec || user["auth-provider"]) throw new ConfigError("kubeconfig exec/auth-provider users are not supported; use a token or client certificate");

  const material = (dataKey: string, fileKey: string, from: Record<string, unknown>) => {
    const data = from[dataKey];
    if (typeof data === "string") return Buffer.from(data, "base64");
    const name = from[fileKey];
    if (typeof name === "string") return fs.readFileSync(path.resolve(base, name));
    return undefined;
  };
  const tokenFile = typeof user.tokenFile === "string" ? path.resolve(base, user.tokenFile) : undefined;
  const authorization =
    typeof user.token === "string"
      ? () => `Bearer ${user.token as string}`
      : tokenFile
        ? cachedTokenFile(tokenFile)
        : typeof user.username === "string" && typeof user.password === "string"
          ? () => `Basic ${Buffer.from(`${user.username as string}:${user.password as string}`).toString("base64")}`
          : () => undefined;
  return {
    url: new URL(cluster.server),
    tls: {
      ca: material("certificate-authority-data", "certificate-authority", cluster),
      cert: material("client-certificate-data", "client-certificate", user),
      key: material("client-key-data", "client-key", user),
      rejectUnauthorized: cluster["insecure-skip-tls-verify"] !== true,
      ...(typeof cluster["tls-server-name"] === "string" ? { servername: cluster["tls-server-name"] } : {}),
    },
    authorization,
    namespace: undefined,
    inCluster: false,
  };
}

/**
 * Loads the apiserver address and the agent's own credentials: `--kubeconfig` when given
 * (token, client certificate or basic auth), otherwise the in-cluster service account.
 * @throws ConfigError when neither is usable.
 */
export function loadKubeTarget(config: AgentConfig, env: NodeJS.ProcessEnv): KubeTarget {
  return config.kubeconfig ? loadKubeconfig(config.kubeconfig) : loadInCluster(config, env);
}
