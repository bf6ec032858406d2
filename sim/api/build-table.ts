import { buildTable as sharedBuildTable, type IncludeObjectPolicy } from "@/lib/shared/kube";
import type { ClusterState } from "../cluster/cluster-state";
import type { KubeObject } from "../store/kube-types";
import { isRecord } from "../store/kube-types";
import type { ResourceType } from "../store/resource-registry";
import { columnText } from "./printer-column-path";
import { formatAge } from "@/lib/shared/kube";

/** Parses includeObject (default Metadata, as the apiserver). */
export function includeObjectOf(q: URLSearchParams): IncludeObjectPolicy {
  const v = q.get("includeObject");
  return v === "None" || v === "Object" ? v : "Metadata";
}

interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  priority?: number;
  format?: string;
}

function crdColumns(cluster: ClusterState, t: ResourceType): PrinterColumn[] | undefined {
  const crd = cluster.store.get("apiextensions.k8s.io/customresourcedefinitions", undefined, `${t.plural}.${t.group}`);
  if (!crd) return undefined;
  const versions = (crd.spec as { versions?: { name: string; additionalPrinterColumns?: PrinterColumn[] }[] } | undefined)?.versions ?? [];
  return versions.find((v) => v.name === t.version)?.additionalPrinterColumns ?? [];
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
): unknown {
  const now = Date.now();
  const cols = crdColumns(cluster, t);
  if (!cols) return sharedBuildTable(t.group ? `${t.plural}.${t.group}` : t.plural, objects, now, includeObject, listMeta);
  const defs = [
    { name: "Name", type: "string", format: "name", description: "Name must be unique within a namespace.", priority: 0 },
    ...cols.map((c) => ({ name: c.name, type: c.type, format: c.format ?? "", description: c.description ?? "", priority: c.priority ?? 0 })),
  ];
  const hasAge = cols.some((c) => c.jsonPath === ".metadata.creationTimestamp");
  if (!hasAge) defs.push({ name: "Age", type: "date", format: "", description: "", priority: 0 });
  const rows = objects.map((o) => {
    const cells: unknown[] = [o.metadata.name];
    for (const c of cols) {
      const raw = columnText(o, c.jsonPath);
      if (c.type === "date") cells.push(raw ? formatAge(raw, now) : "<unknown>");
      else if (c.type === "integer" || c.type === "number") cells.push(raw === "" ? null : Number(raw));
      else cells.push(raw === "" ? null : raw);
    }
    if (!hasAge) cells.push(formatAge(o.metadata.creationTimestamp, now));
    return { cells, object: rowObject(o, includeObject) };
  });
  return { kind: "Table", apiVersion: "meta.k8s.io/v1", metadata: listMeta, columnDefinitions: defs, rows };
}

export { isRecord };
