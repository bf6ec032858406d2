import { createHash } from "node:crypto";
import type { TSearchKind } from "./fleet-query.schema";
import type { DeploymentProjection, NodeProjection, PodProjection } from "./project-objects";

/** Search rows one cluster may send: at most this many objects (larger clusters are cut). */
export const SEARCH_ITEMS_CAP = 20_000;

/** One object of a cluster as the cross-cluster search knows it (what an agent sends). */
export interface SearchItem {
  kind: TSearchKind;
  namespace: string;
  name: string;
  labels: Record<string, string>;
  status: string;
}

/** A search-index row: the item and its lower-cased match text. */
export interface SearchEntry extends SearchItem {
  text: string;
}

/** An EdgeX device for the search index. */
export interface EdgexDeviceItem {
  name: string;
  labels?: string[];
  status?: string;
}

/** The search items of one cluster's projections, sorted by kind, namespace and name. */
export function searchItemsOf(input: { pods: Iterable<PodProjection>; nodes: Iterable<NodeProjection>; deployments: Iterable<DeploymentProjection>; edgexDevices?: Iterable<EdgexDeviceItem> }): SearchItem[] {
  const items: SearchItem[] = [];
  for (const p of input.pods) items.push({ kind: "pod", namespace: p.namespace, name: p.name, labels: p.labels, status: p.status });
  for (const n of input.nodes) items.push({ kind: "node", namespace: "", name: n.name, labels: n.labels, status: n.ready ? "Ready" : "NotReady" });
  for (const d of input.deployments) items.push({ kind: "deployment", namespace: d.namespace, name: d.name, labels: d.labels, status: `${d.available}/${d.desired}` });
  for (const dev of input.edgexDevices ?? []) {
    items.push({ kind: "edgex-device", namespace: "", name: dev.name, labels: Object.fromEntries((dev.labels ?? []).map((l) => [l, ""])), status: dev.status ?? "" });
  }
  items.sort((a, b) => (a.kind + a.namespace + a.name).localeCompare(b.kind + b.namespace + b.name));
  return items;
}

/** Adds the match text (name, namespace and labels, lower case) to each item. */
export function toSearchEntries(items: readonly SearchItem[]): SearchEntry[] {
  return items.map((i) => {
    const labelText = Object.entries(i.labels).map(([k, v]) => `${k}=${v}`).join(" ");
    return { ...i, text: `${i.name} ${i.namespace} ${labelText}`.toLowerCase() };
  });
}

/** A hash of a cluster's search rows: they are rewritten only when it changes. */
export function hashSearchEntries(entries: readonly SearchEntry[]): string {
  const hash = createHash("sha256");
  for (const e of entries) hash.update(`${e.kind}\0${e.namespace}\0${e.name}\0${e.status}\0${e.text}\n`);
  return hash.digest("hex");
}
