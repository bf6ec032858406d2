import { EventEmitter, once } from "node:events";
import type http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import type { TestCa } from "./make-pki";

/** What the fake apiserver saw, for assertions about the agent's proxying. */
export interface SeenRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  headers: http.IncomingHttpHeaders;
}

type KubeObject = Record<string, unknown>;

/** A small HTTPS kube-apiserver stand-in: real TLS, bearer-token auth, streaming endpoints. */
export interface FakeApiserver {
  url: string;
  host: string;
  port: number;
  /** The only accepted bearer token (the agent's service-account token). */
  token: string;
  requests: SeenRequest[];
  nodes: KubeObject[];
  pods: KubeObject[];
  /** Secrets by "namespace/name". */
  secrets: Map<string, KubeObject>;
  /** Emits "watch" and "log" (with the response) when a stream starts. */
  events: EventEmitter;
  /** When set, /readyz answers 500 with this in its body. */
  readyzFailure: string | undefined;
  watchers: Set<http.ServerResponse>;
  logFollowers: Set<http.ServerResponse>;
  /** Sends one watch event to every open pod watch. */
  sendWatchEvent(type: string, object: KubeObject): void;
  /** Sends one log line to every follower. */
  sendLogLine(line: string): void;
  close(): Promise<void>;
}

function node(name: string, controlPlane: boolean): KubeObject {
  const labels: Record<string, string> = { "kubernetes.io/hostname": name };
  if (controlPlane) labels["node-role.kubernetes.io/control-plane"] = "true";
  return { kind: "Node", apiVersion: "v1", metadata: { name, labels }, status: {} };
}

function pod(name: string): KubeObject {
  return { kind: "Pod", apiVersion: "v1", metadata: { name, namespace: "default", resourceVersion: "10" }, spec: { containers: [{ name: "main", image: "busybox" }] }, status: { phase: "Running" } };
}

function status(res: http.ServerResponse, code: number, reason: string, message: string): void {
  res.writeHead(code, { "content-type": "application/json" });
  res.end(JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code }));
}

function json(res: http.ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: http.IncomingMessage): Promise<KubeObject> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as KubeObject;
}

/**
 * Starts the fake apiserver on 127.0.0.1:0 with a certificate from `ca`. Serves /version,
 * nodes, pods (list + watch), pod logs (follow), secrets (get/create/update) and a
 * WebSocket exec that prints "hello from exec".
 */
export async function startFakeApiserver(ca: TestCa, token = "sa-token-0123456789abcdef"): Promise<FakeApiserver> {
  const pair = await ca.issue({ commonName: "kube-apiserver" });
  const fake = {
    token,
    requests: [] as SeenRequest[],
    nodes: [node("server-0", true), node("agent-0", false), node("agent-1", false)],
    pods: [pod("web-1"), pod("web-2")],
    secrets: new Map<string, KubeObject>(),
    events: new EventEmitter(),
    watchers: new Set<http.ServerResponse>(),
    logFollowers: new Set<http.ServerResponse>(),
    /** When set, /readyz answers 500 with this in its body. */
    readyzFailure: undefined as string | undefined,
  };
  const authorized = (req: http.IncomingMessage) => req.headers.authorization === `Bearer ${token}`;

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? "/", "https://fake");
    fake.requests.push({ method: req.method ?? "", path: url.pathname + url.search, authorization: req.headers.authorization, headers: req.headers });
    if (!authorized(req)) return status(res, 401, "Unauthorized", "Unauthorized");
    const path = url.pathname;
    if (path === "/version") return json(res, 200, { major: "1", minor: "31", gitVersion: "v1.31.4+k3s1", platform: "linux/amd64" });
    if (path === "/readyz") return fake.readyzFailure ? res.writeHead(500).end(`[-]etcd failed: ${fake.readyzFailure}\nreadyz check failed`) : res.end("ok");
    if (path === "/api/v1/nodes") return json(res, 200, { kind: "NodeList", apiVersion: "v1", metadata: { resourceVersion: "5" }, items: fake.nodes });
    if (path === "/api/v1/namespaces/default/pods" && url.searchParams.get("watch") === "true") {
      res.writeHead(200, { "content-type": "application/json", "transfer-encoding": "chunked" });
      res.flushHeaders();
      fake.watchers.add(res);
      res.on("close", () => fake.watchers.delete(res));
      fake.events.emit("watch", res);
      return;
    }
    if (path === "/api/v1/namespaces/default/pods") return json(res, 200, { kind: "PodList", apiVersion: "v1", metadata: { resourceVersion: "10" }, items: fake.pods });
    const log = /^\/api\/v1\/namespaces\/default\/pods\/([^/]+)\/log$/.exec(path);
    if (log) {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write(`first line of ${log[1]}\n`);
      if (url.searchParams.get("follow") !== "true") return res.end();
      fake.logFollowers.add(res);
      res.on("close", () => fake.logFollowers.delete(res));
      fake.events.emit("log", res);
      return;
    }
    const secret = /^\/api\/v1\/namespaces\/([^/]+)\/secrets(?:\/([^/]+))?$/.exec(path);
    if (secret) {
      const [, ns, name] = secret;
      const key = `${ns}/${name}`;
      if (req.method === "GET" && name) {
        const found = fake.secrets.get(key);
        return found ? json(res, 200, found) : status(res, 404, "NotFound", `secrets "${name}" not found`);
      }
      if (req.method === "POST" && !name) {
        const body = await readBody(req);
        const bodyName = (body.metadata as { name: string }).name;
        if (fake.secrets.has(`${ns}/${bodyName}`)) return status(res, 409, "AlreadyExists", `secrets "${bodyName}" already exists`);
        const stored = { ...body, metadata: { ...(body.metadata as object), namespace: ns, resourceVersion: "1" } };
        fake.secrets.set(`${ns}/${bodyName}`, stored);
        return json(res, 201, stored);
      }
      if (req.method === "PUT" && name) {
        if (!fake.secrets.has(key)) return status(res, 404, "NotFound", `secrets "${name}" not found`);
        const body = await readBody(req);
        fake.secrets.set(key, body);
        return json(res, 200, body);
      }
    }
    return status(res, 404, "NotFound", `the server could not find the requested resource`);
  };

  const server = https.createServer({ cert: pair.cert, key: pair.key }, (req, res) => {
    handle(req, res).catch((error: Error) => status(res, 500, "InternalError", error.message));
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req: http.IncomingMessage, socket, head) => {
    fake.requests.push({ method: req.method ?? "", path: req.url ?? "", authorization: req.headers.authorization, headers: req.headers });
    if (!authorized(req)) {
      socket.end("HTTP/1.1 401 Unauthorized\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Kubernetes v4.channel.k8s.io: first byte is the channel (1 stdout, 3 status).
      ws.send(Buffer.concat([Buffer.from([1]), Buffer.from("hello from exec\n")]));
      ws.send(Buffer.concat([Buffer.from([3]), Buffer.from(JSON.stringify({ metadata: {}, status: "Success" }))]));
      ws.close();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    ...fake,
    // Copied fields are snapshots; this one is read by the handler, so it stays live.
    get readyzFailure() {
      return fake.readyzFailure;
    },
    set readyzFailure(value: string | undefined) {
      fake.readyzFailure = value;
    },
    url: `https://127.0.0.1:${port}`,
    host: "127.0.0.1",
    port,
    sendWatchEvent(type, object) {
      for (const res of fake.watchers) res.write(`${JSON.stringify({ type, object })}\n`);
    },
    sendLogLine(line) {
      for (const res of fake.logFollowers) res.write(`${line}\n`);
    },
    async close() {
      for (const res of [...fake.watchers, ...fake.logFollowers]) res.destroy();
      server.closeAllConnections();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
