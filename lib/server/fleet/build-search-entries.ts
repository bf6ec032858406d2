import "server-only";
import { createHash } from "node:crypto";
import type { TSearchKind } from "@/lib/shared/fleet/fleet-query.schema";
import type { ClusterHealthSource } from "./cluster-health-source";

export interface SearchEntry {
  kind: TSearchKind;
  namespace: string;
  name: string;
  labels: Record<string, string>;
  status: string;
  text: string;
}

function entry(kind: TSearchKind, namespace: string, name: string, labels: Record<string, string>, status: string): SearchEntry {
  const labelText = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(" ");
  return { kind, namespace, name, labels, status, text: `${name} ${namespace} ${labelText}`.toLowerCase() };
}

/**
 * The search-index rows of one cluster (pods, nodes, deployments, EdgeX devices) and a hash
 * of them, so the collector rewrites a cluster's rows only when something changed.
 */
export function buildSearchEntries(source: ClusterHealthSource): { entries: SearchEntry[]; hash: string } {
  const entries: SearchEntry[] = [];
  for (const p of source.pods.values()) entries.push(entry("pod", p.namespace, p.name, p.labels, p.status));
  for (const n of source.nodes.values()) entries.push(entry("node", "", n.name, n.labels, n.ready ? "Ready" : "NotReady"));
  for (const d of source.deployments.values()) entries.push(entry("deployment", d.namespace, d.name, d.labels, `${d.available}/${d.desired}`));
  for (const dev of source.edgex?.devices ?? []) {
    const labels = Object.fromEntries((dev.labels ?? []).map((l) => [l, ""]));
    entries.push(entry("edgex-device", "", dev.name, labels, dev.status ?? ""));
  }
  entries.sort((a, b) => (a.kind + a.namespace + a.name).localeCompare(b.kind + b.namespace + b.name));
  const hash = createHash("sha256");
  for (const e of entries) hash.update(`${e.kind}\0${e.namespace}\0${e.name}\0${e.status}\0${e.text}\n`);
  return { entries, hash: hash.digest("hex") };
}
