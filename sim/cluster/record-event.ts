import { randomUUID } from "node:crypto";
import type { KubeObject } from "../store/kube-types";
import { isoTime } from "../store/object-store";
import type { ClusterState } from "./cluster-state";

const MAX_EVENTS = 400;
const EVENTS = "/events";

/**
 * Records a core/v1 Event like client-go's recorder: a repeat of the same (object, reason,
 * message) bumps count and lastTimestamp. The oldest events are dropped past MAX_EVENTS
 * per cluster (the apiserver expires them after an hour).
 */
export function recordEvent(cluster: ClusterState, obj: KubeObject, type: "Normal" | "Warning", reason: string, message: string, component: string, host?: string): void {
  const ns = obj.metadata.namespace ?? "default";
  if (!cluster.store.get("/namespaces", undefined, ns)) return;
  const now = isoTime(cluster.now());
  const base = `${obj.metadata.name}.${obj.metadata.uid.slice(0, 8)}${reason.length.toString(16)}${hash(reason + message)}`;
  const existing = cluster.store.get(EVENTS, ns, base);
  if (existing) {
    cluster.store.commit(EVENTS, "MODIFIED", { ...existing, count: Number(existing.count ?? 1) + 1, lastTimestamp: now });
    return;
  }
  const fieldPath = (obj.kind === "Pod" && reason !== "Scheduled" && reason !== "Killing" && reason !== "BackOff") || reason === "BackOff" ? containerPath(obj) : undefined;
  cluster.store.commit(EVENTS, "ADDED", {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: base, namespace: ns, uid: randomUUID(), resourceVersion: "", creationTimestamp: now },
    involvedObject: { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name, uid: obj.metadata.uid, apiVersion: obj.apiVersion, resourceVersion: obj.metadata.resourceVersion, ...(fieldPath ? { fieldPath } : {}) },
    reason,
    message,
    source: { component, ...(host ? { host } : {}) },
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    type,
    eventTime: null,
    reportingComponent: component,
    reportingInstance: host ?? "",
  });
  if (cluster.store.count(EVENTS) > MAX_EVENTS) {
    let oldest: KubeObject | undefined;
    for (const e of cluster.store.table(EVENTS).values()) {
      if (!oldest || String(e.lastTimestamp) < String(oldest.lastTimestamp)) oldest = e;
    }
    if (oldest) cluster.store.commit(EVENTS, "DELETED", oldest);
  }
}

function containerPath(obj: KubeObject): string | undefined {
  const c = (obj.spec as { containers?: { name: string }[] } | undefined)?.containers?.[0];
  return c ? `spec.containers{${c.name}}` : undefined;
}

function hash(s: string): string {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 33) ^ s.charCodeAt(i)) >>> 0;
  return h.toString(16);
}
