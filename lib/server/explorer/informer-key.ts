import "server-only";
import type { TExplorerResource } from "@/lib/shared/explorer/resources";

/** What one shared upstream watch covers: one list of one cluster. */
export interface InformerKey {
  clusterId: string;
  resource: TExplorerResource;
  /** "" = all namespaces (and always "" for cluster-scoped resources). */
  namespace: string;
  /** "" = no selector. */
  labelSelector: string;
}

export function informerKeyString(key: InformerKey): string {
  return JSON.stringify([key.clusterId, key.resource, key.namespace, key.labelSelector]);
}
