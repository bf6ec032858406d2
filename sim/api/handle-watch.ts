import type { IncomingMessage, ServerResponse } from "node:http";
import type { ClusterState } from "../cluster/cluster-state";
import type { KubeObject } from "../store/kube-types";
import { objectKey, type StoreEvent, type WatchEventType } from "../store/object-store";
import { apiVersionOf } from "../store/resource-registry";
import { buildTable, includeObjectOf } from "./build-table";
import { watchEventJson } from "./encode-json";
import { present, selectorsOf } from "./handle-read";
import { wantsTable } from "./http-io";
import type { ResourcePath } from "./parse-resource-path";
import { statusOf } from "./status";

const BOOKMARK_MS = 30_000;

/** Starts a streaming answer that faults (dropWatchesAfterMs) and shutdown can cut. */
export function openStream(cluster: ClusterState, res: ServerResponse, contentType: string): void {
  res.writeHead(200, { "Content-Type": contentType, "Cache-Control": "no-cache, private", "Transfer-Encoding": "chunked" });
  res.flushHeaders();
  cluster.streams.add(res);
  const drop = cluster.faults.dropWatchesAfterMs;
  if (drop && drop > 0) {
    const h = cluster.rt.timers.after(drop, () => res.socket?.destroy());
    res.on("close", () => h.cancel());
  }
  res.on("close", () => cluster.streams.delete(res));
}

/**
 * WATCH: replays history after resourceVersion (410 Expired as an ERROR event when it is
 * too old), or synthesizes ADDED for current objects when none is given, then streams
 * commits matching the namespace and selectors. Objects leaving a selector are DELETED.
 */
export function handleWatch(cluster: ClusterState, p: ResourcePath, req: IncomingMessage, res: ServerResponse, q: URLSearchParams): void {
  const t = p.type;
  const match = selectorsOf(q, t);
  const ns = t.namespaced ? p.namespace : undefined;
  const nameOnly = p.name;
  const asTable = wantsTable(req);
  const includeObject = includeObjectOf(q);
  const matched = new Set<string>();
  openStream(cluster, res, asTable ? "application/json;as=Table;v=v1;g=meta.k8s.io" : "application/json");

  const writeLine = (line: string): void => {
    if (cluster.faults.partition || res.destroyed || res.writableEnded) return;
    res.write(line + "\n");
  };
  const write = (type: WatchEventType | "BOOKMARK" | "ERROR", object: unknown): void => writeLine(JSON.stringify({ type, object }));
  // As kube-apiserver's watch encoder: the first Table event carries the column definitions, later ones none.
  let headersSent = false;
  const emit = (type: WatchEventType, obj: KubeObject): void => {
    const out = present(t, obj);
    if (!asTable) return writeLine(watchEventJson(type, out));
    write(type, buildTable(cluster, t, [out], includeObject, { resourceVersion: out.metadata.resourceVersion }, { noHeaders: headersSent }));
    headersSent = true;
  };
  const relevant = (o: KubeObject): boolean => (!ns || o.metadata.namespace === ns) && (!nameOnly || o.metadata.name === nameOnly);
  const onEvent = (ev: StoreEvent): void => {
    const o = ev.object;
    if (!relevant(o)) return;
    const key = objectKey(o.metadata.namespace, o.metadata.name);
    const isMatch = match(o);
    if (ev.type === "DELETED") {
      if (isMatch || matched.has(key)) emit("DELETED", o);
      matched.delete(key);
    } else if (isMatch) {
      emit(matched.has(key) ? "MODIFIED" : "ADDED", o);
      matched.add(key);
    } else if (matched.has(key)) {
      matched.delete(key);
      emit("DELETED", o);
    }
  };

  const rvParam = q.get("resourceVersion") ?? "";
  const initial = q.get("sendInitialEvents") === "true";
  if (rvParam === "" || rvParam === "0" || initial) {
    for (const o of cluster.store.list(t.storage, ns)) {
      if (relevant(o) && match(o)) {
        matched.add(objectKey(o.metadata.namespace, o.metadata.name));
        emit("ADDED", o);
      }
    }
    if (initial) write("BOOKMARK", { kind: t.kind, apiVersion: apiVersionOf(t), metadata: { resourceVersion: String(cluster.store.currentRv()), annotations: { "k8s.io/initial-events-end": "true" } } });
  } else {
    const rv = Number(rvParam);
    const events = Number.isFinite(rv) ? cluster.store.eventsSince(t.storage, rv) : "expired";
    if (events === "expired") {
      write("ERROR", statusOf(410, `too old resource version: ${rvParam} (${cluster.store.oldestResumableRv()})`, "Expired"));
      res.end();
      return;
    }
    for (const o of cluster.store.list(t.storage, ns)) {
      if (Number(o.metadata.resourceVersion) <= rv && relevant(o) && match(o)) matched.add(objectKey(o.metadata.namespace, o.metadata.name));
    }
    for (const ev of events) onEvent(ev);
  }
  const unsubscribe = cluster.store.subscribe(t.storage, onEvent);

  let bookmark: { cancel(): void } | undefined;
  if (q.get("allowWatchBookmarks") === "true") {
    const tick = (): void => {
      write("BOOKMARK", { kind: t.kind, apiVersion: apiVersionOf(t), metadata: { resourceVersion: String(cluster.store.currentRv()) } });
      bookmark = cluster.rt.timers.after(BOOKMARK_MS, tick);
    };
    bookmark = cluster.rt.timers.after(BOOKMARK_MS, tick);
  }
  const timeoutS = Number(q.get("timeoutSeconds") ?? "0");
  const timeout = timeoutS > 0 ? cluster.rt.timers.after(timeoutS * 1000, () => res.end()) : undefined;
  res.on("close", () => {
    unsubscribe();
    bookmark?.cancel();
    timeout?.cancel();
  });
}
