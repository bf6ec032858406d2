import "server-only";
import { matchEdgexServices, type TEdgexServiceRef, type TServiceObject } from "@/lib/shared/edgex/match-edgex-services";
import { listKubeObjects } from "../k8s/list-kube-objects";
import { DISCOVERY_TTL_MS } from "./edgex-config";

// Per cluster, shorter than one page refresh: a page's parallel requests (overview,
// devices, readings) share one Service list instead of listing Services five times.
const cache = new Map<string, { at: number; services: Promise<TEdgexServiceRef[]> }>();

/**
 * The EdgeX services of a cluster (any namespace; see matchEdgexServices), listed with the
 * console's own identity like every EdgeX read. Throws KubeError when the cluster cannot
 * be asked. A failed listing is not cached.
 */
export async function discoverEdgexServices(clusterId: string, timeoutMs: number, now = Date.now()): Promise<TEdgexServiceRef[]> {
  const hit = cache.get(clusterId);
  if (hit && now - hit.at < DISCOVERY_TTL_MS) return hit.services;
  const services = listKubeObjects(clusterId, null, "services", { timeoutMs }).then((list) => matchEdgexServices(list.items as TServiceObject[]));
  cache.set(clusterId, { at: now, services });
  services.catch(() => {
    if (cache.get(clusterId)?.services === services) cache.delete(clusterId);
  });
  // Entries of clusters nobody looks at any more would otherwise stay.
  for (const [id, entry] of cache) if (now - entry.at >= DISCOVERY_TTL_MS) cache.delete(id);
  return services;
}
