import http from "node:http";
import { z } from "zod";
import type { SimCluster } from "../types";

const ZEdgexFaultsSchema = z.object({ down: z.array(z.string()).optional(), slow: z.record(z.string(), z.number().min(0).max(600_000)).optional(), malformed: z.array(z.string()).optional() }).strict();

/** Faults as accepted from the admin endpoint and the CLI. */
export const ZClusterFaultsSchema = z.object({
  latencyMs: z.number().min(0).max(600_000).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  errorCodes: z.array(z.union([z.literal(500), z.literal(503), z.literal(429)])).optional(),
  dropWatchesAfterMs: z.number().min(0).optional(),
  partition: z.boolean().optional(),
  nodeNotReady: z.array(z.string()).optional(),
  upgradeFailNodes: z.array(z.string()).optional(),
  edgex: ZEdgexFaultsSchema.optional(),
}).strict();

function send(res: http.ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(code, { "Content-Type": "application/json" });
  res.end(text);
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > 65536) reject(new Error("body too large"));
      else chunks.push(c);
    });
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}"));
      } catch (e) {
        reject(e as Error);
      }
    });
  });
}

/**
 * Loopback-only admin endpoint: GET /clusters, GET /clusters/<name> (incl. kubeconfig),
 * GET|POST /clusters/<name>/faults, GET /clusters/<name>/audit. Tokens are never listed.
 */
export async function serveAdmin(clusters: SimCluster[], port: number): Promise<http.Server> {
  const byName = new Map(clusters.map((c) => [c.name, c]));
  const server = http.createServer((req, res) => {
    const remote = req.socket.remoteAddress ?? "";
    if (!/^(127\.|::1$|::ffff:127\.)/.test(remote)) return send(res, 403, { error: "admin endpoint is loopback-only" });
    const url = new URL(req.url ?? "/", "http://admin");
    const m = url.pathname.match(/^\/clusters(?:\/([^/]+))?(?:\/(faults|audit|kubeconfig))?\/?$/);
    if (!m) return send(res, 404, { error: "not found" });
    if (!m[1]) return send(res, 200, { clusters: clusters.map((c) => ({ name: c.name, server: c.server, kubeconfigPath: c.kubeconfigPath, faults: c.faults() })) });
    const c = byName.get(decodeURIComponent(m[1]));
    if (!c) return send(res, 404, { error: `cluster ${m[1]} not found` });
    if (!m[2]) return send(res, 200, { name: c.name, server: c.server, caPem: c.caPem, kubeconfigPath: c.kubeconfigPath, faults: c.faults() });
    if (m[2] === "kubeconfig") {
      res.writeHead(200, { "Content-Type": "application/yaml" });
      return void res.end(c.kubeconfig());
    }
    if (m[2] === "audit") return send(res, 200, { items: c.audit().slice(-Number(url.searchParams.get("limit") ?? "500")) });
    if (req.method === "GET") return send(res, 200, c.faults());
    if (req.method !== "POST" && req.method !== "PUT") return send(res, 405, { error: "use POST" });
    readJson(req).then((body) => {
      const parsed = ZClusterFaultsSchema.safeParse(body);
      if (!parsed.success) return send(res, 422, { error: "invalid faults", issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) });
      c.setFaults(parsed.data);
      send(res, 200, c.faults());
    }, (e: unknown) => send(res, 400, { error: `bad JSON: ${(e as Error).message}` }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return server;
}
