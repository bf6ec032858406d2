import { randomBytes } from "node:crypto";
import { EventEmitter, once } from "node:events";
import type http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { TunnelSession, type TunnelCloseInfo, type TunnelControlMessage, type TunnelSessionOptions } from "@/lib/tunnel";
import type { TestCa } from "./make-pki";

/** One accepted agent tunnel as the fake console sees it. */
export interface ConsoleTunnel {
  session: TunnelSession;
  clusterId: string;
  credential: string;
  agentVersion: string | undefined;
  /** The control protocol the agent announced (x-outpost-agent-protocol). */
  protocol: string | undefined;
  controls: TunnelControlMessage[];
  closed: Promise<TunnelCloseInfo>;
}

/**
 * A stand-in for the Outpost console's agent-facing surface: `/cacerts`, `/v3/connect/register`
 * and the `/v3/connect` WebSocket gateway built on the real TunnelSession. Events: "tunnel"
 * (ConsoleTunnel), "register" (request body).
 */
export interface FakeConsole extends EventEmitter {
  url: string;
  port: number;
  caPem: string;
  /** Registration tokens accepted, mapped to their cluster id. */
  tokens: Map<string, string>;
  /** Valid agent credentials, mapped to their cluster id. */
  credentials: Map<string, string>;
  registerCalls: { token: string; clusterId?: string; agentVersion?: string }[];
  /** Status codes to answer the next register calls with, before the normal flow (e.g. 429). */
  registerFailures: number[];
  tunnels: ConsoleTunnel[];
  /** Upgrade attempts rejected with 401. */
  rejectedUpgrades: number;
  /** Resolves with the next tunnel whose hello arrived. */
  nextHello(): Promise<ConsoleTunnel>;
  /** Stops listening and drops every tunnel, keeping tokens and credentials. */
  stop(): Promise<void>;
  /** Listens again on the same port (a console restart). */
  start(): Promise<void>;
}

function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>);
      } catch {
        resolve({});
      }
    });
  });
}

/**
 * Starts the fake console on 127.0.0.1:0 with a server certificate issued by `ca`;
 * `sessionOptions` tune the console-side TunnelSession (benchmarks).
 */
export async function startFakeConsole(ca: TestCa, sessionOptions: Omit<TunnelSessionOptions, "role"> = {}): Promise<FakeConsole> {
  const pair = await ca.issue({ commonName: "outpost-console" });
  const fake = Object.assign(new EventEmitter(), {
    url: "",
    port: 0,
    caPem: ca.cert,
    tokens: new Map<string, string>(),
    credentials: new Map<string, string>(),
    registerCalls: [] as FakeConsole["registerCalls"],
    registerFailures: [] as number[],
    tunnels: [] as ConsoleTunnel[],
    rejectedUpgrades: 0,
  }) as FakeConsole;

  const server = https.createServer({ cert: pair.cert, key: pair.key }, (req, res) => {
    void (async () => {
      if (req.method === "GET" && req.url === "/cacerts") {
        res.writeHead(200, { "content-type": "application/x-pem-file" }).end(ca.cert);
        return;
      }
      if (req.method === "POST" && req.url === "/v3/connect/register") {
        const body = await readJson(req);
        fake.registerCalls.push(body as FakeConsole["registerCalls"][number]);
        fake.emit("register", body);
        const failure = fake.registerFailures.shift();
        if (failure) {
          res.writeHead(failure, { "content-type": "application/json", "retry-after": "0" }).end(JSON.stringify({ message: "slow down" }));
          return;
        }
        const clusterId = typeof body.token === "string" ? fake.tokens.get(body.token) : undefined;
        if (!clusterId || (body.clusterId !== undefined && body.clusterId !== clusterId)) {
          res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ message: "invalid registration token" }));
          return;
        }
        const credential = `cred-${randomBytes(24).toString("hex")}`;
        fake.credentials.set(credential, clusterId);
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ clusterId, credential }));
        return;
      }
      res.writeHead(404).end();
    })();
  });

  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  server.on("upgrade", (req: http.IncomingMessage, socket, head) => {
    const credential = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const clusterId = credential ? fake.credentials.get(credential) : undefined;
    if (req.url !== "/v3/connect" || !credential || !clusterId || req.headers["x-outpost-cluster-id"] !== clusterId) {
      fake.rejectedUpgrades++;
      socket.end("HTTP/1.1 401 Unauthorized\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const session = new TunnelSession(ws, { ...sessionOptions, role: "console" });
      const tunnel: ConsoleTunnel = {
        session,
        clusterId,
        credential,
        agentVersion: req.headers["x-outpost-agent-version"] as string | undefined,
        protocol: req.headers["x-outpost-agent-protocol"] as string | undefined,
        controls: [],
        closed: new Promise((resolve) => session.once("close", resolve)),
      };
      session.on("control", (message: TunnelControlMessage) => {
        tunnel.controls.push(message);
        if (message.type === "hello") fake.emit("hello", tunnel);
      });
      fake.tunnels.push(tunnel);
      fake.emit("tunnel", tunnel);
    });
  });

  const listen = async (port: number) => {
    server.listen(port, "127.0.0.1");
    await once(server, "listening");
    fake.port = (server.address() as AddressInfo).port;
    fake.url = `https://127.0.0.1:${fake.port}`;
  };
  fake.nextHello = () => once(fake, "hello").then(([tunnel]) => tunnel as ConsoleTunnel);
  fake.stop = async () => {
    for (const tunnel of fake.tunnels) tunnel.session.close(1012, "console restarting");
    for (const client of wss.clients) client.terminate();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  fake.start = () => listen(fake.port);
  await listen(0);
  return fake;
}
