import "server-only";
import type { TResourceTable } from "@/lib/shared/resources/resources.schema";
import { kubeJson } from "./kube-request";
import type { KubeIdentity } from "./kube-identity";

/** What kubectl sends: the Table of meta.k8s.io/v1 (v1beta1 accepted), else the plain list. */
export const TABLE_ACCEPT = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

export interface TableListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  /** What each row carries (default Metadata: PartialObjectMetadata). */
  includeObject?: "None" | "Metadata" | "Object";
  signal?: AbortSignal;
}

/**
 * Lists `path` (a collection, as kubeApiPath builds it) and returns the apiserver's own
 * Table: its column definitions (kubectl's columns, a CRD's additionalPrinterColumns) and
 * rows. Throws KubeError (the cluster's refusal in its own words).
 */
export async function listKubeTable(clusterId: string, identity: KubeIdentity, path: string, opts: TableListOptions = {}): Promise<TResourceTable> {
  const table = await kubeJson<TResourceTable & { kind?: string }>(clusterId, identity, {
    path,
    accept: TABLE_ACCEPT,
    query: { labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector, limit: opts.limit, continue: opts.continue, includeObject: opts.includeObject ?? "Metadata" },
    signal: opts.signal,
  });
  return { kind: "Table", apiVersion: table.apiVersion ?? "meta.k8s.io/v1", metadata: table.metadata ?? {}, columnDefinitions: table.columnDefinitions ?? [], rows: table.rows ?? [] };
}
