import { buildTable as sharedBuildTable, type IncludeObjectPolicy } from "@/lib/shared/kube";
import type { ClusterState } from "../cluster/cluster-state";
import type { KubeObject } from "../store/kube-types";
import { isRecord } from "../store/kube-types";
import type { ResourceType } from "../store/resource-registry";
import { columnText, columnValue } from "./printer-column-path";
import { formatAge } from "@/lib/shared/kube";
import { ApiError } from "./status";

/** Parses includeObject (default Metadata); another value is the apiserver's 400. */
export function includeObjectOf(q: URLSearchParams): IncludeObjectPolicy {
  const v = q.get("includeObject") ?? "";
  if (v === "None" || v === "Object" || v === "Metadata") return v;
  if (v === "") return "Metadata";
  throw new ApiError(400, `unrecognized includeObject value: ${JSON.stringify(v)}`);
}

const NAME_DESCRIPTION =
  "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";

interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  priority?: number;
  format?: string;
}

const CREATION_TIMESTAMP =
  "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

/**
 * A CRD version's printer columns as apiextensions-apiserver serves them: its
 * additionalPrinterColumns, or — only when it declares none — a single Age column.
 */
function crdColumns(cluster: ClusterState, t: ResourceType): PrinterColumn[] | undefined {
  const crd = cluster.store.get("apiextensions.k8s.io/customresourcedefinitions", undefined, `${t.plural}.${t.group}`);
  if (!crd) return undefined;
  const versions = (crd.spec as { versions?: { name: string; additionalPrinterColumns?: PrinterColumn[] }[] } | undefined)?.versions ?? [];
  const declared = versions.find((v) => v.name === t.version)?.additionalPrinterColumns ?? [];
  return declared.length > 0 ? declared : [{ name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp", description: CREATION_TIMESTAMP }];
}

/** One cell as the CRD table convertor types it: a value of the wrong JSON type is null. */
function crdCell(obj: KubeObject, c: PrinterColumn, now: number): unknown {
  const value = columnValue(obj, c.jsonPath);
  if (value === undefined || value === null) return null;
  switch (c.type) {
    case "string":
      return columnText(obj, c.jsonPath);
    case "integer":
      return typeof value === "number" ? Math.trunc(value) : null;
    case "number":
      return typeof value === "number" ? value : null;
    case "boolean":
      return typeof value === "boolean" ? value : null;
    case "date":
      if (typeof value !== "string") return null;
      return Number.isNaN(Date.parse(value)) ? "<invalid>" : formatAge(value, now);
    default:
      return null;
  }
}

function rowObject(obj: KubeObject, policy: IncludeObjectPolicy): unknown {
  if (policy === "None") return null;
  if (policy === "Object") return obj;
  return { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: obj.metadata };
}

/**
 * The Table for a list/get/watch answer: built-in kinds through the shared kubectl column
 * functions (lib/shared/kube), custom resources from their CRD's additionalPrinterColumns.
 */
export function buildTable(
  cluster: ClusterState,
  t: ResourceType,
  objects: KubeObject[],
  includeObject: IncludeObjectPolicy,
  listMeta: { resourceVersion?: string; continue?: string; remainingItemCount?: number } = {},
  opts: { noHeaders?: boolean } = {},
): unknown {
  const now = Date.now();
  const cols = crdColumns(cluster, t);
  if (!cols) {
    const table = sharedBuildTable(t.group ? `${t.plural}.${t.group}` : t.plural, objects, now, includeObject, listMeta);
    // A watch sends the column definitions with its first event only (TableOptions.NoHeaders).
    return opts.noHeaders ? { ...table, columnDefinitions: null } : table;
  }
  const defs = [
    { name: "Name", type: "string", format: "name", description: NAME_DESCRIPTION, priority: 0 },
    ...cols.map((c) => ({ name: c.name, type: c.type, format: c.format ?? "", description: c.description || `Custom resource definition column (in JSONPath format): ${c.jsonPath}`, priority: c.priority ?? 0 })),
  ];
  const rows = objects.map((o) => ({ cells: [o.metadata.name, ...cols.map((c) => crdCell(o, c, now))], object: rowObject(o, includeObject) }));
  return { kind: "Table", apiVersion: "meta.k8s.io/v1", metadata: listMeta, columnDefinitions: opts.noHeaders ? null : defs, rows };
}

export { isRecord };
