import "server-only";
import { RESOURCE_INFO, resourcePath, type TExplorerResource } from "@/lib/shared/explorer/resources";
import type { TKubeObject } from "@/lib/shared/explorer/explorer.schema";
import { kubeJson } from "./kube-request";
import type { KubeIdentity } from "./kube-identity";

export interface KubeListResult {
  items: TKubeObject[];
  resourceVersion: string;
}

export interface ListOptions {
  /** Omitted (or a cluster-scoped resource): all namespaces. */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** See KubeCall.reserved. */
  reserved?: boolean;
}

/**
 * Lists a resource in one cluster (one call, no paging: the explorer shows whole lists).
 * Items get their `kind`/`apiVersion`, which list responses leave out.
 */
export async function listKubeObjects(clusterId: string, identity: KubeIdentity, resource: TExplorerResource, opts: ListOptions = {}): Promise<KubeListResult> {
  const info = RESOURCE_INFO[resource];
  const list = await kubeJson<{ items?: TKubeObject[]; metadata?: { resourceVersion?: string } }>(clusterId, identity, {
    path: resourcePath(resource, { namespace: opts.namespace }),
    query: { labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector, limit: opts.limit },
    timeoutMs: opts.timeoutMs,
    signal: opts.signal,
    reserved: opts.reserved,
  });
  const apiVersion = info.group ? `${info.group}/${info.version}` : info.version;
  const items = (list.items ?? []).map((item) => ({ ...item, kind: info.kind, apiVersion }));
  return { items, resourceVersion: list.metadata?.resourceVersion ?? "" };
}
