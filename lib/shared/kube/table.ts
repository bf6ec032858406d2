// Builds the meta.k8s.io/v1 Table that kube-apiserver returns when a client (kubectl get)
// asks with `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`. The apiserver always
// fills every column (it prints with Wide: true); kubectl hides priority-1 columns unless
// `-o wide`. Rows carry the object as the request's includeObject asks (default Metadata).

import {
  COLUMN_DEFINITIONS,
  DEFAULT_COLUMN_DEFINITIONS,
  type TableColumnDefinition,
} from "./column-definitions";
import { apiServiceRow, bindingRow, horizontalPodAutoscalerRow, ingressRow } from "./access-columns";
import { eventRow } from "./event-columns";
import { formatRfc3339 } from "./format-age";
import { nodeRow } from "./node-columns";
import { podRow, podRowConditions } from "./pod-columns";
import {
  configMapRow,
  endpointsRow,
  namespaceRow,
  secretRow,
  serviceAccountRow,
  serviceRow,
} from "./service-columns";
import { persistentVolumeClaimRow, persistentVolumeRow, storageClassRow } from "./storage-columns";
import type { KubeObjectLike, PodLike } from "./types";
import {
  cronJobRow,
  daemonSetRow,
  deploymentRow,
  jobRow,
  replicaSetRow,
  statefulSetRow,
} from "./workload-columns";

/** metav1.IncludeObjectPolicy: what each row's `object` holds. */
export type IncludeObjectPolicy = "None" | "Metadata" | "Object";

export type TableCell = string | number | boolean | null;

export interface TableRowCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface TableRow {
  cells: TableCell[];
  conditions?: TableRowCondition[];
  /** Full object, PartialObjectMetadata, or null (includeObject=None). */
  object: unknown;
}

export interface Table {
  kind: "Table";
  apiVersion: "meta.k8s.io/v1";
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

/** List metadata copied onto the Table, as the apiserver copies it from the list. */
export interface TableListMeta {
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

type Now = Date | number;

interface Printer {
  plural: string;
  kind: string;
  apiVersion: string;
  cells(obj: KubeObjectLike, now: Now): TableCell[];
  conditions?(obj: KubeObjectLike): TableRowCondition[] | undefined;
}

/**
 * A printer from a row function and the row keys in column order. Row values are already
 * cell-shaped: integer columns stay numbers, as Go emits int64 cells.
 */
function printer<O, R extends Record<K, TableCell>, K extends keyof R>(
  plural: string,
  kind: string,
  apiVersion: string,
  row: (obj: O, now: Now) => R,
  keys: readonly K[],
): Printer {
  return {
    plural,
    kind,
    apiVersion,
    // The registry is keyed by resource, so each printer only ever sees its own kind.
    cells: (obj, now) => {
      const r = row(obj as O, now);
      return keys.map((k) => r[k]);
    },
  };
}

const PRINTER_LIST: readonly Printer[] = [
  {
    ...printer("pods", "Pod", "v1", podRow, ["name", "ready", "status", "restarts", "age", "ip", "node", "nominatedNode", "readinessGates"]),
    conditions: (obj) => podRowConditions(obj as PodLike),
  },
  printer("nodes", "Node", "v1", nodeRow, ["name", "status", "roles", "age", "version", "internalIp", "externalIp", "osImage", "kernelVersion", "containerRuntime"]),
  printer("deployments", "Deployment", "apps/v1", deploymentRow, ["name", "ready", "upToDate", "available", "age", "containers", "images", "selector"]),
  printer("replicasets", "ReplicaSet", "apps/v1", replicaSetRow, ["name", "desired", "current", "ready", "age", "containers", "images", "selector"]),
  printer("daemonsets", "DaemonSet", "apps/v1", daemonSetRow, ["name", "desired", "current", "ready", "upToDate", "available", "nodeSelector", "age", "containers", "images", "selector"]),
  printer("statefulsets", "StatefulSet", "apps/v1", statefulSetRow, ["name", "ready", "age", "containers", "images"]),
  printer("jobs", "Job", "batch/v1", jobRow, ["name", "status", "completions", "duration", "age", "containers", "images", "selector"]),
  printer("cronjobs", "CronJob", "batch/v1", cronJobRow, ["name", "schedule", "timezone", "suspend", "active", "lastSchedule", "age", "containers", "images", "selector"]),
  printer("services", "Service", "v1", serviceRow, ["name", "type", "clusterIp", "externalIp", "ports", "age", "selector"]),
  printer("endpoints", "Endpoints", "v1", endpointsRow, ["name", "endpoints", "age"]),
  printer("namespaces", "Namespace", "v1", namespaceRow, ["name", "status", "age"]),
  printer("configmaps", "ConfigMap", "v1", configMapRow, ["name", "data", "age"]),
  printer("secrets", "Secret", "v1", secretRow, ["name", "type", "data", "age"]),
  printer("serviceaccounts", "ServiceAccount", "v1", serviceAccountRow, ["name", "secrets", "age"]),
  printer("events", "Event", "v1", eventRow, ["lastSeen", "type", "reason", "object", "subobject", "source", "message", "firstSeen", "count", "name"]),
  printer("persistentvolumes", "PersistentVolume", "v1", persistentVolumeRow, ["name", "capacity", "accessModes", "reclaimPolicy", "status", "claim", "storageClass", "volumeAttributesClass", "reason", "age", "volumeMode"]),
  printer("persistentvolumeclaims", "PersistentVolumeClaim", "v1", persistentVolumeClaimRow, ["name", "status", "volume", "capacity", "accessModes", "storageClass", "volumeAttributesClass", "age", "volumeMode"]),
  printer("storageclasses", "StorageClass", "storage.k8s.io/v1", storageClassRow, ["name", "provisioner", "reclaimPolicy", "volumeBindingMode", "allowVolumeExpansion", "age"]),
  printer("ingresses", "Ingress", "networking.k8s.io/v1", ingressRow, ["name", "className", "hosts", "address", "ports", "age"]),
  printer("rolebindings", "RoleBinding", "rbac.authorization.k8s.io/v1", bindingRow, ["name", "role", "age", "users", "groups", "serviceAccounts"]),
  printer("clusterrolebindings", "ClusterRoleBinding", "rbac.authorization.k8s.io/v1", bindingRow, ["name", "role", "age", "users", "groups", "serviceAccounts"]),
  printer("horizontalpodautoscalers", "HorizontalPodAutoscaler", "autoscaling/v2", horizontalPodAutoscalerRow, ["name", "reference", "targets", "minPods", "maxPods", "replicas", "age"]),
  printer("apiservices", "APIService", "apiregistration.k8s.io/v1", apiServiceRow, ["name", "service", "available", "age"]),
];

const PRINTERS = new Map(PRINTER_LIST.map((p) => [p.plural, p]));

// Names accepted for each printer: the plural, optionally qualified by its API group.
const GROUPS: Readonly<Record<string, readonly string[]>> = {
  deployments: ["apps"],
  replicasets: ["apps"],
  daemonsets: ["apps"],
  statefulsets: ["apps"],
  jobs: ["batch"],
  cronjobs: ["batch"],
  events: ["events.k8s.io"],
  storageclasses: ["storage.k8s.io"],
  ingresses: ["networking.k8s.io"],
  rolebindings: ["rbac.authorization.k8s.io"],
  clusterrolebindings: ["rbac.authorization.k8s.io"],
  horizontalpodautoscalers: ["autoscaling"],
  apiservices: ["apiregistration.k8s.io"],
};

function printerFor(resource: string): Printer | undefined {
  const r = resource.toLowerCase();
  const dot = r.indexOf(".");
  const plural = dot < 0 ? r : r.slice(0, dot);
  const group = dot < 0 ? "" : r.slice(dot + 1);
  if (group !== "" && !(GROUPS[plural] ?? []).includes(group)) return undefined;
  return PRINTERS.get(plural);
}

/** True when `resource` has kubectl-specific columns (otherwise the default NAME/Created At). */
export function hasTablePrinter(resource: string): boolean {
  return printerFor(resource) !== undefined;
}

/** The column definitions the apiserver declares for `resource` (plural, e.g. "pods"). */
export function columnDefinitionsFor(resource: string): readonly TableColumnDefinition[] {
  const p = printerFor(resource);
  return p ? (COLUMN_DEFINITIONS[p.plural] ?? []) : DEFAULT_COLUMN_DEFINITIONS;
}

function rowObject(obj: KubeObjectLike, p: Printer | undefined, policy: IncludeObjectPolicy): unknown {
  switch (policy) {
    case "None":
      return null;
    case "Object":
      // The apiserver serializes each object with its kind and apiVersion set.
      return p ? { ...obj, kind: obj.kind ?? p.kind, apiVersion: obj.apiVersion ?? p.apiVersion } : obj;
    default:
      return { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: obj.metadata ?? {} };
  }
}

/**
 * Builds the meta.k8s.io/v1 Table kube-apiserver would return for `resource` (plural, e.g.
 * "pods", "deployments", "deployments.apps"), given the listed objects and the instant
 * `now` against which AGE-like columns are computed. Unknown resources get the apiserver's
 * default table (Name, Created At).
 */
export function buildTable(
  resource: string,
  objects: readonly KubeObjectLike[],
  now: Date | number,
  includeObject: IncludeObjectPolicy = "Metadata",
  listMeta: TableListMeta = {},
): Table {
  const p = printerFor(resource);
  const rows = objects.map((obj): TableRow => {
    const cells = p ? p.cells(obj, now) : [obj.metadata?.name ?? "", formatRfc3339(obj.metadata?.creationTimestamp)];
    const conditions = p?.conditions?.(obj);
    const row: TableRow = { cells, object: rowObject(obj, p, includeObject) };
    if (conditions) row.conditions = conditions;
    return row;
  });
  const metadata: Table["metadata"] = {};
  if (listMeta.resourceVersion) metadata.resourceVersion = listMeta.resourceVersion;
  if (listMeta.continue) metadata.continue = listMeta.continue;
  if (listMeta.remainingItemCount !== undefined) metadata.remainingItemCount = listMeta.remainingItemCount;
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata,
    columnDefinitions: columnDefinitionsFor(resource).map((c) => ({ ...c })),
    rows,
  };
}
