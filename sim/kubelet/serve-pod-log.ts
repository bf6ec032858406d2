import type { ServerResponse } from "node:http";
import { openStream } from "../api/handle-watch";
import { ApiError, notFound } from "../api/status";
import type { ClusterState } from "../cluster/cluster-state";
import type { ContainerStatus, Pod } from "../store/kube-types";
import type { LogEntry } from "./log-buffer";
import { lineRange, linePeriodMs, logLine } from "./log-lines";
import { agentRuntimes } from "./run-kubelet";

interface LogOpts {
  tail?: number;
  sinceMs?: number;
  timestamps: boolean;
  limitBytes?: number;
}

function fmt(e: LogEntry, o: LogOpts): string {
  return o.timestamps ? `${new Date(e.ms).toISOString().replace(/Z$/, "000000Z")} ${e.text}\n` : `${e.text}\n`;
}

function pickContainer(pod: Pod, q: URLSearchParams): string {
  const want = q.get("container");
  const names = pod.spec.containers.map((c) => c.name);
  if (want) {
    if (!names.includes(want) && !(pod.spec.initContainers ?? []).some((c) => c.name === want)) throw new ApiError(400, `container ${want} is not valid for pod ${pod.metadata.name}`, "BadRequest");
    return want;
  }
  const def = pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"];
  if (def && names.includes(def)) return def;
  if (names.length > 1) throw new ApiError(400, `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.join(" ")}]`, "BadRequest");
  return names[0] ?? "";
}

function generated(pod: Pod, cs: ContainerStatus, from: number, to: number): LogEntry[] {
  const image = cs.image;
  const period = linePeriodMs(pod.metadata.name, cs.name);
  const start = Date.parse((cs.state.running?.startedAt ?? cs.state.terminated?.startedAt ?? pod.metadata.creationTimestamp) as string);
  const [a, b] = lineRange(start, period, from, to);
  const out: LogEntry[] = [];
  for (let i = a; i < b; i++) {
    const ms = start + i * period;
    for (const text of logLine(image, pod.metadata.name, cs.name, i, ms).split("\n")) out.push({ ms, text });
  }
  return out;
}

function window(entries: LogEntry[], o: LogOpts): LogEntry[] {
  let e = o.sinceMs !== undefined ? entries.filter((x) => x.ms >= (o.sinceMs ?? 0)) : entries;
  if (o.tail !== undefined) e = o.tail === 0 ? [] : e.slice(-o.tail);
  return e;
}

/**
 * GET pods/{name}/log: an agent container's captured output, or the generated lines of a
 * simulated one; follow streams new lines until the container ends or the client leaves.
 */
export function servePodLog(cluster: ClusterState, ns: string, name: string, q: URLSearchParams, res: ServerResponse): void {
  const pod = cluster.store.get("/pods", ns, name) as Pod | undefined;
  if (!pod) throw notFound("pods", "", name);
  const container = pickContainer(pod, q);
  const cs = pod.status?.containerStatuses?.find((s) => s.name === container);
  const previous = q.get("previous") === "true";
  const o: LogOpts = {
    tail: q.has("tailLines") ? Math.max(0, Number(q.get("tailLines")) || 0) : undefined,
    sinceMs: q.has("sinceSeconds") ? Date.now() - Number(q.get("sinceSeconds")) * 1000 : q.has("sinceTime") ? Date.parse(q.get("sinceTime") ?? "") : undefined,
    timestamps: q.get("timestamps") === "true",
    limitBytes: q.has("limitBytes") ? Number(q.get("limitBytes")) : undefined,
  };
  if (!cs || (!previous && cs.state.waiting && !cs.lastState.terminated && cs.restartCount === 0)) {
    const reason = cs?.state.waiting?.reason ?? "ContainerCreating";
    throw new ApiError(400, `container "${container}" in pod "${name}" is waiting to start: ${reason}`, "BadRequest");
  }
  if (previous && !cs.lastState.terminated) throw new ApiError(400, `previous terminated container "${container}" in pod "${name}" not found`, "BadRequest");
  const agent = agentRuntimes.get(cluster)?.get(pod.metadata.uid)?.get(container);
  const buffer = agent ? (previous ? agent.previous?.logs : agent.current.logs) : undefined;
  let entries: LogEntry[];
  if (buffer) entries = window(buffer.entries, o);
  else if (agent) entries = [];
  else {
    const term = previous ? cs.lastState.terminated : cs.state.terminated;
    const src: ContainerStatus = previous && term ? { ...cs, state: { terminated: term } } : cs;
    const end = term ? Date.parse(term.finishedAt) : Date.now();
    entries = window(generated(pod, src, o.sinceMs ?? 0, end), o);
  }
  const follow = q.get("follow") === "true" && !previous;
  let text = entries.map((e) => fmt(e, o)).join("");
  if (o.limitBytes && o.limitBytes > 0) text = text.slice(0, o.limitBytes);
  if (!follow) {
    res.writeHead(200, { "Content-Type": "text/plain", "Content-Length": Buffer.byteLength(text) });
    res.end(text);
    return;
  }
  openStream(cluster, res, "text/plain");
  res.write(text);
  const send = (e: LogEntry | null): void => {
    if (e === null) return void res.end();
    if (!cluster.faults.partition) res.write(fmt(e, o));
  };
  if (agent && buffer) {
    const unsub = buffer.follow(send);
    res.on("close", unsub);
    return;
  }
  // Generated logs: emit each next line when its time comes; end when the pod is gone.
  const period = linePeriodMs(pod.metadata.name, container);
  const start = Date.parse(cs.state.running?.startedAt ?? pod.metadata.creationTimestamp);
  let next = Math.floor((Date.now() - start) / period) + 1;
  let timer: { cancel(): void } | undefined;
  const tick = (): void => {
    const cur = cluster.store.get("/pods", ns, name);
    if (!cur || cur.metadata.uid !== pod.metadata.uid) return void res.end();
    const ms = start + next * period;
    for (const t of logLine(cs.image, name, container, next, ms).split("\n")) send({ ms, text: t });
    next += 1;
    timer = cluster.rt.timers.at(start + next * period, tick);
  };
  timer = cluster.rt.timers.at(start + next * period, tick);
  res.on("close", () => timer?.cancel());
}
