import http from "node:http";
import { Duplex } from "node:stream";
import type { ClusterState } from "../cluster/cluster-state";
import type { SimService } from "../edgex-contract";
import type { Container, Pod } from "../store/kube-types";
import { isRecord } from "../store/kube-types";
import { selectorMatches } from "../store/selectors";
import { isNginxLike, NGINX_WELCOME } from "./shell/image-profile";

/** One accepted connection to a pod's port: bytes in with `push`, out through `write`. */
export interface PodConnection {
  /** Bytes from the client. */
  push(data: Buffer): void;
  /** The client closed its side. */
  end(): void;
}

interface Listener {
  pod: Pod;
  container: Container;
  port: number;
  service?: SimService;
}

const listeners = new WeakMap<Duplex, Listener>();
/** Largest request body a simulated listener reads (nginx's default client_max_body_size is 1 MiB). */
const MAX_BODY = 1024 * 1024;

const nginxPage = (status: number, title: string): string =>
  `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n`;

async function answer(l: Listener, req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> {
  const url = new URL(req.url ?? "/", "http://pod.local");
  if (l.service) {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
    const out = await l.service.handle({ method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers, body });
    res.writeHead(out.status, { "Content-Type": "application/json", ...out.headers });
    res.end(out.body);
    return;
  }
  if (isNginxLike(l.container.image)) {
    const ok = (req.method === "GET" || req.method === "HEAD") && (url.pathname === "/" || url.pathname === "/index.html");
    const page = ok ? NGINX_WELCOME : nginxPage(req.method === "GET" || req.method === "HEAD" ? 404 : 405, req.method === "GET" || req.method === "HEAD" ? "Not Found" : "Not Allowed");
    res.writeHead(ok ? 200 : req.method === "GET" || req.method === "HEAD" ? 404 : 405, { Server: "nginx/1.27.3", "Content-Type": "text/html", "Content-Length": Buffer.byteLength(page) });
    res.end(req.method === "HEAD" ? undefined : page);
    return;
  }
  const text = `${l.pod.metadata.name}: container ${l.container.name} answers on port ${l.port}\n`;
  res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

// One in-process HTTP server answers every simulated pod port; the connection says which.
const server = http.createServer((req, res) => {
  const l = listeners.get(req.socket as unknown as Duplex);
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (c: Buffer) => {
    size += c.length;
    if (size <= MAX_BODY) chunks.push(c);
  });
  req.on("end", () => {
    if (!l) return void res.writeHead(500).end();
    if (size > MAX_BODY) return void res.writeHead(413, { "Content-Length": 0 }).end();
    answer(l, req, res, Buffer.concat(chunks)).catch(() => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });
});

function serviceFor(cluster: ClusterState, pod: Pod, port: number): SimService | undefined {
  for (const svc of cluster.store.list("/services", pod.metadata.namespace)) {
    const spec = isRecord(svc.spec) ? svc.spec : {};
    if (!isRecord(spec.selector) || !selectorMatches({ matchLabels: spec.selector as Record<string, string> }, pod.metadata.labels)) continue;
    for (const p of Array.isArray(spec.ports) ? spec.ports.filter(isRecord) : []) {
      if ((p.targetPort ?? p.port) !== port) continue;
      const handler = cluster.services.get(`${pod.metadata.namespace}/${svc.metadata.name}:${String(p.port)}`) ?? cluster.services.get(`${pod.metadata.namespace}/${svc.metadata.name}`);
      if (handler) return handler;
    }
  }
  return undefined;
}

/**
 * Connects to `port` of a running pod, as the kubelet's port-forward does inside the pod's
 * network namespace: every declared container port has a listener (nginx-like images serve
 * nginx's default page, pods behind an in-process service such as EdgeX answer its API,
 * others a one-line text); an undeclared port refuses like containerd. `write` receives the
 * answer's bytes, `close` the end of the connection.
 */
export function connectPodPort(cluster: ClusterState, pod: Pod, port: number, write: (data: Buffer) => void, close: () => void): PodConnection | { refused: string } {
  const container = pod.spec.containers.find((c) => (c.ports ?? []).some((p) => p.containerPort === port && (p.protocol ?? "TCP") === "TCP"));
  if (!container) {
    const sandbox = pod.metadata.uid.replace(/-/g, "");
    return { refused: `failed to execute portforward in network namespace "/var/run/netns/cni-${pod.metadata.uid}": failed to connect to localhost:${port} inside namespace "${sandbox}", IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused IPv6 dial tcp6 [::1]:${port}: connect: connection refused ` };
  }
  const socket = new Duplex({
    read() {},
    write(chunk: Buffer, _enc, cb) {
      write(chunk);
      cb();
    },
    final(cb) {
      close();
      cb();
    },
  });
  // What http.Server calls on a net.Socket.
  Object.assign(socket, { setTimeout: () => socket, setNoDelay: () => socket, setKeepAlive: () => socket, remoteAddress: "127.0.0.1" });
  socket.on("close", close);
  socket.on("error", () => socket.destroy());
  listeners.set(socket, { pod, container, port, service: serviceFor(cluster, pod, port) });
  server.emit("connection", socket);
  return {
    push: (data) => void socket.push(data),
    end: () => void socket.push(null),
  };
}
