// kubectl's columns for each explorer resource: which row function prints it (from
// lib/shared/kube — never re-derived here), which cells a table shows, their headers as
// kubectl prints them, and how each column sorts. Pure: shared by the API and the browser.
import {
  configMapRow,
  daemonSetRow,
  deploymentRow,
  eventRow,
  jobRow,
  namespaceRow,
  nodeRow,
  parseTimestamp,
  podRow,
  replicaSetRow,
  secretRow,
  serviceRow,
  statefulSetRow,
} from "../kube";
import type { KubeObjectLike } from "../kube/types";
import type { TExplorerResource } from "./resources";

export type TRow = Record<string, string | number>;

type RowFn = (obj: never, now: Date | number) => object;

const ROW_FNS: Readonly<Record<TExplorerResource, RowFn>> = {
  nodes: nodeRow,
  pods: podRow,
  deployments: deploymentRow,
  replicasets: replicaSetRow,
  daemonsets: daemonSetRow,
  statefulsets: statefulSetRow,
  jobs: jobRow,
  services: serviceRow,
  events: eventRow,
  namespaces: namespaceRow,
  configmaps: configMapRow,
  secrets: secretRow,
};

/** Every kubectl column of one object (`-o wide`), computed against `now`. */
export function rowOf(resource: TExplorerResource, obj: KubeObjectLike, now: Date | number): TRow {
  return (ROW_FNS[resource] as (o: KubeObjectLike, n: Date | number) => TRow)(obj, now);
}

export interface TColumn {
  /** Key in the row object. */
  key: string;
  /** Header exactly as kubectl prints it (not translated, by design). */
  header: string;
}

const c = (key: string, header: string): TColumn => ({ key, header });
const NAME = c("name", "NAME");
const AGE = c("age", "AGE");

/** Columns the explorer tables show, in kubectl's order (NAMESPACE is prepended for all-namespace lists). */
export const TABLE_COLUMNS: Readonly<Record<TExplorerResource, readonly TColumn[]>> = {
  nodes: [NAME, c("status", "STATUS"), c("roles", "ROLES"), AGE, c("version", "VERSION"), c("internalIp", "INTERNAL-IP"), c("osImage", "OS-IMAGE"), c("kernelVersion", "KERNEL-VERSION"), c("containerRuntime", "CONTAINER-RUNTIME")],
  pods: [NAME, c("ready", "READY"), c("status", "STATUS"), c("restarts", "RESTARTS"), AGE, c("ip", "IP"), c("node", "NODE")],
  deployments: [NAME, c("ready", "READY"), c("upToDate", "UP-TO-DATE"), c("available", "AVAILABLE"), AGE, c("images", "IMAGES")],
  replicasets: [NAME, c("desired", "DESIRED"), c("current", "CURRENT"), c("ready", "READY"), AGE],
  daemonsets: [NAME, c("desired", "DESIRED"), c("current", "CURRENT"), c("ready", "READY"), c("upToDate", "UP-TO-DATE"), c("available", "AVAILABLE"), c("nodeSelector", "NODE SELECTOR"), AGE],
  statefulsets: [NAME, c("ready", "READY"), AGE],
  jobs: [NAME, c("status", "STATUS"), c("completions", "COMPLETIONS"), c("duration", "DURATION"), AGE],
  services: [NAME, c("type", "TYPE"), c("clusterIp", "CLUSTER-IP"), c("externalIp", "EXTERNAL-IP"), c("ports", "PORT(S)"), AGE],
  events: [c("lastSeen", "LAST SEEN"), c("type", "TYPE"), c("reason", "REASON"), c("object", "OBJECT"), c("message", "MESSAGE")],
  namespaces: [NAME, c("status", "STATUS"), AGE],
  configmaps: [NAME, c("data", "DATA"), AGE],
  secrets: [NAME, c("type", "TYPE"), c("data", "DATA"), AGE],
};

export const NAMESPACE_COLUMN: TColumn = c("namespace", "NAMESPACE");

type Obj = KubeObjectLike & Record<string, unknown>;

function eventLastSeenMs(obj: Obj): number {
  const ev = obj as { lastTimestamp?: string; eventTime?: string; firstTimestamp?: string; series?: { lastObservedTime?: string } };
  return parseTimestamp(ev.series?.lastObservedTime) ?? parseTimestamp(ev.lastTimestamp) ?? parseTimestamp(ev.eventTime) ?? parseTimestamp(ev.firstTimestamp) ?? 0;
}

/**
 * The value a column sorts by. Ages and "last seen" sort by the underlying time (so "2d"
 * comes after "5h"), counts and restarts numerically, everything else as text.
 */
export function sortValue(key: string, row: TRow, obj: Obj): string | number {
  if (key === "age") return -(parseTimestamp(obj.metadata?.creationTimestamp) ?? 0);
  // LAST SEEN is a point in time: descending (▼) lists the newest event first.
  if (key === "lastSeen") return eventLastSeenMs(obj);
  const value = row[key];
  if (typeof value === "number") return value;
  if (key === "restarts") return Number.parseInt(value ?? "0", 10) || 0;
  return value ?? "";
}

/**
 * Rows sorted by one column (`desc` reverses), ties by name. `asc` on AGE lists the
 * youngest first (as the shown ages grow); `desc` on LAST SEEN lists the newest first.
 */
export function sortRows<R extends { row: TRow; object: Obj }>(rows: R[], sort: { key: string; dir: "asc" | "desc" }): R[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  return rows
    .map((r) => ({ r, sortKey: sortValue(sort.key, r.row, r.object) }))
    .sort((a, b) => sign * compareSortValues(a.sortKey, b.sortKey) || compareSortValues(String(a.r.row.name ?? ""), String(b.r.row.name ?? "")))
    .map(({ r }) => r);
}

/** Compares two sort values: numbers numerically, strings with natural digit order. */
export function compareSortValues(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en", { numeric: true });
}
