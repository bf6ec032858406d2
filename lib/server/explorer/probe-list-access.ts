import "server-only";
import type { TExplorerResource } from "@/lib/shared/explorer/resources";
import { listKubeObjects } from "../k8s/list-kube-objects";
import type { UserIdentity } from "../k8s/kube-identity";

/** A successful check is trusted this long (a revoked binding applies within it). */
const FRESH_MS = 30_000;
/** Last-known data of an unreachable cluster is shown to users whose access was checked this recently. */
const REMEMBERED_MS = 60 * 60_000;
const MAX_ENTRIES = 10_000;

const KEY = Symbol.for("outpost.explorer-access-probes");
type Holder = { [KEY]?: Map<string, number> };
function checkedAt(): Map<string, number> {
  return ((globalThis as Holder)[KEY] ??= new Map());
}

function keyOf(clusterId: string, identity: UserIdentity, resource: TExplorerResource, namespace: string): string {
  return JSON.stringify([clusterId, identity.username, identity.role, resource, namespace]);
}

/**
 * Checks, as the user (impersonated), that they may list `resource` in `namespace` — by
 * listing one item. Shared watches and the list cache run as the console, so this is what
 * keeps the cluster's RBAC in charge of who sees what. Successes are remembered for 30 s;
 * failures throw KubeError and are not remembered.
 */
export async function probeListAccess(clusterId: string, identity: UserIdentity, resource: TExplorerResource, namespace: string): Promise<void> {
  const key = keyOf(clusterId, identity, resource, namespace);
  const at = checkedAt().get(key);
  if (at !== undefined && Date.now() - at < FRESH_MS) return;
  await listKubeObjects(clusterId, identity, resource, { namespace: namespace || undefined, limit: 1 });
  if (checkedAt().size >= MAX_ENTRIES) checkedAt().clear();
  checkedAt().set(key, Date.now());
}

/** True when the user's access was confirmed within the last hour (used while the cluster cannot be asked). */
export function hadListAccess(clusterId: string, identity: UserIdentity, resource: TExplorerResource, namespace: string): boolean {
  const at = checkedAt().get(keyOf(clusterId, identity, resource, namespace));
  return at !== undefined && Date.now() - at < REMEMBERED_MS;
}
