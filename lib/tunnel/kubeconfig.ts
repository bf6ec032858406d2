import http from "node:http";
import type https from "node:https";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { KubeConfig, type RequestContext } from "@kubernetes/client-node";
import { Agent as UndiciAgent, type Dispatcher } from "undici";
import type WebSocket from "ws";

/** Opens one byte stream to the cluster's kube-apiserver (plain HTTP/1.1 inside the tunnel). */
export type DialCluster = () => Promise<Duplex>;

/** Options of {@link createTunnelKubeConfig}. */
export interface TunnelKubeConfigOptions {
  /** Name used for the cluster, user and context entries (e.g. the cluster id). */
  name?: string;
  /** Sent as `Impersonate-User` on every call; the agent forwards it to the apiserver. */
  impersonateUser?: string;
  /** How long an idle stream is kept for reuse (undici keep-alive, default 4 s). */
  keepAliveTimeoutMs?: number;
}

/**
 * Server URL of tunnelled clusters. Plain http: the bytes travel inside the TLS WebSocket, and
 * the agent — not the console — speaks TLS to the real apiserver with its own credentials.
 */
export const TUNNEL_SERVER_URL = "http://cluster.tunnel";

/**
 * A `KubeConfig` whose every connection is a tunnel stream. It overrides the two public hooks
 * client-node calls before any request: `applySecurityAuthentication` (API calls, `Watch`,
 * `Log`: undici fetch with our dispatcher) and `applyToHTTPSOptions` (`Exec`, `Attach`,
 * `PortForward`: ws with our `http.Agent`). `createDispatcher`/`createAgent` would be the
 * natural seams but are private in the typings. Both are cached so keep-alive streams are reused.
 */
class TunnelKubeConfig extends KubeConfig {
  private readonly dispatcher: Dispatcher;
  private readonly agent: http.Agent;

  constructor(
    dial: DialCluster,
    private readonly options: TunnelKubeConfigOptions,
  ) {
    super();
    this.dispatcher = new UndiciAgent({
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 4_000,
      connect: (_connectOptions, callback) => {
        dial().then(
          // undici only needs the net.Socket surface TunnelStream provides (see docs/TUNNEL.md).
          (stream) => callback(null, stream as unknown as Socket),
          (error: Error) => callback(error, null),
        );
      },
    });
    this.agent = new TunnelHttpAgent(dial);
  }

  override async applySecurityAuthentication(context: RequestContext): Promise<void> {
    if (this.options.impersonateUser) context.setHeaderParam("Impersonate-User", this.options.impersonateUser);
    context.setDispatcher(this.dispatcher);
  }

  override async applyToHTTPSOptions(opts: https.RequestOptions | WebSocket.ClientOptions): Promise<void> {
    if (this.options.impersonateUser) {
      opts.headers = { ...opts.headers, "Impersonate-User": this.options.impersonateUser };
    }
    opts.agent = this.agent;
  }
}

/** http.Agent whose connections are tunnel streams; createConnection may answer via callback. */
class TunnelHttpAgent extends http.Agent {
  constructor(private readonly dial: DialCluster) {
    super({ keepAlive: false });
  }

  override createConnection(_options: unknown, callback?: (error: Error | null, stream: Duplex) => void): Socket {
    this.dial().then(
      (stream) => callback?.(null, stream),
      (error: Error) => callback?.(error, undefined as unknown as Duplex),
    );
    // Node's Agent treats a falsy return as "the callback will deliver the socket".
    return undefined as unknown as Socket;
  }
}

/**
 * Builds a `@kubernetes/client-node` KubeConfig that reaches one cluster through the tunnel:
 * `kc.makeApiClient(CoreV1Api)`, `new Watch(kc)`, `new Log(kc)` and `new Exec(kc)` work
 * unchanged. It holds no credential: the agent authenticates to the apiserver.
 *
 * @param dial opens a stream to the cluster, typically `() => session.openStream("k8s")`.
 */
export function createTunnelKubeConfig(dial: DialCluster, options: TunnelKubeConfigOptions = {}): KubeConfig {
  const name = options.name ?? "tunnel";
  const kc = new TunnelKubeConfig(dial, options);
  kc.loadFromOptions({
    clusters: [{ name, server: TUNNEL_SERVER_URL, skipTLSVerify: false }],
    users: [{ name, ...(options.impersonateUser ? { impersonateUser: options.impersonateUser } : {}) }],
    contexts: [{ name, cluster: name, user: name }],
    currentContext: name,
  });
  return kc;
}
