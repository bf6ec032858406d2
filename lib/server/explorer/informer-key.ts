import "server-only";
import type { TExplorerResource } from "@/lib/shared/explorer/resources";
import type { Principal } from "../auth/principal";
import { identityOf, type UserIdentity } from "../k8s/kube-identity";

/**
 * Kinds whose lists are never cached under the agent's own identity: the agent's ClusterRole
 * grants neither (docs/SECURITY.md), so each viewer's list and watch of them runs as that
 * viewer, impersonated — the cluster's RBAC decides, and no Secret sits in a cache shared
 * with people who may not read it.
 */
const READ_AS_VIEWER: ReadonlySet<TExplorerResource> = new Set(["configmaps", "secrets"]);

/** What one shared upstream watch covers: one list of one cluster, read as one identity. */
export interface InformerKey {
  clusterId: string;
  resource: TExplorerResource;
  /** "" = all namespaces (and always "" for cluster-scoped resources). */
  namespace: string;
  /** "" = no selector. */
  labelSelector: string;
  /** Omitted or "" = no field selector (the fleet collector's Warning events use one). */
  fieldSelector?: string;
  /** Who the upstream list and watch run as: null = the agent (shared by every viewer). */
  identity: UserIdentity | null;
}

/** The informer key of a list as `principal` views it. */
export function informerKeyFor(principal: Principal, clusterId: string, resource: TExplorerResource, namespace: string, labelSelector: string): InformerKey {
  return { clusterId, resource, namespace, labelSelector, identity: READ_AS_VIEWER.has(resource) ? identityOf(principal) : null };
}

export function informerKeyString(key: InformerKey): string {
  return JSON.stringify([key.clusterId, key.resource, key.namespace, key.labelSelector, key.fieldSelector ?? "", key.identity?.username ?? null, key.identity?.role ?? null]);
}

/**
 * True for the cluster-wide lists the console keeps as itself (no namespace, no label
 * selector, its own identity): a bounded set per cluster — the fleet collector's among
 * them — whose lists and watches may use the tunnel's reserved streams.
 */
export function usesReservedStreams(key: InformerKey): boolean {
  return key.identity === null && key.namespace === "" && key.labelSelector === "";
}
