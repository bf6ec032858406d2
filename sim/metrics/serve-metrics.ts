import type { IncomingMessage, ServerResponse } from "node:http";
import type { ClusterState } from "../cluster/cluster-state";
import { includeObjectOf } from "../api/build-table";
import { selectorsOf } from "../api/handle-read";
import { sendJson, wantsTable } from "../api/http-io";
import type { ResourcePath } from "../api/parse-resource-path";
import { ApiError } from "../api/status";
import type { KubeObject, Pod } from "../store/kube-types";
import { formatCpu, formatMemory } from "./quantity";
import { containerUsage, nodeUsage, WINDOW_MS, type Usage } from "./usage-model";

export const METRICS_GROUP = "metrics.k8s.io";
const API_VERSION = "metrics.k8s.io/v1beta1";

interface MetricsItem {
  metadata: { name: string; namespace?: string; creationTimestamp: string; labels?: Record<string, string> };
  timestamp: string;
  window: string;
  usage?: { cpu: string; memory: string };
  containers?: { name: string; usage: { cpu: string; memory: string } }[];
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const quantities = (u: Usage): { cpu: string; memory: string } => ({ cpu: formatCpu(u.cpu), memory: formatMemory(u.memory) });

function nodeReady(node: KubeObject): boolean {
  const conds = ((node.status ?? {}) as { conditions?: { type: string; status: string }[] }).conditions ?? [];
  return conds.some((c) => c.type === "Ready" && c.status === "True");
}

/**
 * The metrics of one cluster at `now`, as metrics-server scraped them at the start of the
 * current window: running pods on Ready nodes (a NotReady kubelet cannot be scraped, like
 * the real one), per container, and every Ready node.
 */
export function collectMetrics(cluster: ClusterState, now: number): { pods: MetricsItem[]; nodes: MetricsItem[] } {
  const window = Math.floor(now / WINDOW_MS);
  const scraped = iso(window * WINDOW_MS);
  const meta = { creationTimestamp: iso(now) };
  const ready = new Map(cluster.store.list("/nodes").filter(nodeReady).map((n) => [n.metadata.name, n]));
  const perNode = new Map<string, Usage[]>();
  const pods: MetricsItem[] = [];
  for (const obj of cluster.store.list("/pods")) {
    const pod = obj as Pod;
    if (pod.status?.phase !== "Running" || !pod.spec.nodeName || !ready.has(pod.spec.nodeName) || pod.metadata.deletionTimestamp) continue;
    const containers = containerUsage(cluster.rt.seed, pod, window);
    const sum = containers.reduce((a, c) => ({ cpu: a.cpu + c.usage.cpu, memory: a.memory + c.usage.memory }), { cpu: 0, memory: 0 });
    perNode.set(pod.spec.nodeName, [...(perNode.get(pod.spec.nodeName) ?? []), sum]);
    pods.push({
      metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, ...meta, ...(pod.metadata.labels ? { labels: pod.metadata.labels } : {}) },
      timestamp: scraped,
      window: "15s",
      containers: containers.map((c) => ({ name: c.name, usage: quantities(c.usage) })),
    });
  }
  const nodes = [...ready.values()].map((n) => ({
    metadata: { name: n.metadata.name, ...meta, ...(n.metadata.labels ? { labels: n.metadata.labels } : {}) },
    timestamp: scraped,
    window: "15s",
    usage: quantities(nodeUsage(cluster.rt.seed, n, perNode.get(n.metadata.name) ?? [], window)),
  }));
  return { pods, nodes };
}

function podTotal(item: MetricsItem): { cpu: string; memory: string } {
  let cpu = 0;
  let mem = 0;
  for (const c of item.containers ?? []) {
    cpu += Number(c.usage.cpu.slice(0, -1));
    mem += Number(c.usage.memory.slice(0, -2));
  }
  return { cpu: `${cpu}n`, memory: `${mem}Ki` };
}

/** metrics-server's Table: Name, Cpu, Memory, Window. */
function table(items: MetricsItem[], kind: string, q: URLSearchParams): unknown {
  const policy = includeObjectOf(q);
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: {},
    columnDefinitions: [
      { name: "Name", type: "string", format: "name", description: "Name of the resource", priority: 0 },
      { name: "Cpu", type: "string", format: "", description: "CPU usage", priority: 0 },
      { name: "Memory", type: "string", format: "", description: "Memory usage", priority: 0 },
      { name: "Window", type: "string", format: "", description: "Time window", priority: 0 },
    ],
    rows: items.map((i) => {
      const u = i.usage ?? podTotal(i);
      const object = policy === "None" ? null : policy === "Object" ? { kind, apiVersion: API_VERSION, ...i } : { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: i.metadata };
      return { cells: [i.metadata.name, u.cpu, u.memory, i.window], object };
    }),
  };
}

/** Whether the metrics APIService exists and its service (kube-system/metrics-server) has a ready endpoint. */
function metricsBackend(cluster: ClusterState): "absent" | "down" | "up" {
  const svc = cluster.store.get("apiregistration.k8s.io/apiservices", undefined, "v1beta1.metrics.k8s.io");
  if (!svc) return "absent";
  const ref = ((svc.spec ?? {}) as { service?: { name: string; namespace: string } }).service;
  if (!ref) return "up";
  const ep = cluster.store.get("/endpoints", ref.namespace, ref.name) as { subsets?: { addresses?: unknown[] }[] } | undefined;
  return ep?.subsets?.some((s) => (s.addresses?.length ?? 0) > 0) ? "up" : "down";
}

/**
 * GET of `metrics.k8s.io/v1beta1` nodes and pods (list, get, label and field selectors,
 * Table), answered like k3s's bundled metrics-server; every other verb is 405.
 */
export function serveMetrics(cluster: ClusterState, p: ResourcePath, req: IncomingMessage, res: ServerResponse, q: URLSearchParams, watch: boolean): void {
  const backend = metricsBackend(cluster);
  // Like kube-aggregator: no APIService = the group is not served; an APIService whose
  // service has no ready endpoint = the proxy's plain-text 503.
  if (backend === "absent") throw new ApiError(404, "the server could not find the requested resource", "NotFound");
  if (backend === "down") {
    res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" });
    res.end("service unavailable\n");
    return;
  }
  if (req.method !== "GET" || watch) throw new ApiError(405, "the server does not allow this method on the requested resource", "MethodNotAllowed");
  const isPods = p.type.plural === "pods";
  const kind = isPods ? "PodMetrics" : "NodeMetrics";
  const all = collectMetrics(cluster, cluster.now());
  let items = isPods ? all.pods : all.nodes;
  if (isPods && p.namespace) items = items.filter((i) => i.metadata.namespace === p.namespace);
  if (p.name !== undefined) {
    const found = items.find((i) => i.metadata.name === p.name);
    if (!found) throw new ApiError(404, `${isPods ? "podmetrics" : "nodemetrics"}.metrics.k8s.io "${isPods ? `${p.namespace}/` : ""}${p.name}" not found`, "NotFound", { name: p.name, group: METRICS_GROUP, kind: isPods ? "podmetrics" : "nodemetrics" });
    if (wantsTable(req)) return sendJson(res, 200, table([found], kind, q), "application/json;as=Table;v=v1;g=meta.k8s.io");
    return sendJson(res, 200, { kind, apiVersion: API_VERSION, ...found });
  }
  const match = selectorsOf(q, p.type);
  items = items.filter((i) => match(i as unknown as KubeObject));
  if (wantsTable(req)) return sendJson(res, 200, table(items, kind, q), "application/json;as=Table;v=v1;g=meta.k8s.io");
  sendJson(res, 200, { kind: `${kind}List`, apiVersion: API_VERSION, metadata: {}, items });
}
