import type { TSearchKind } from "./fleet-query.schema";

const enc = encodeURIComponent;

/** The console page of a cluster. */
export function clusterHref(clusterId: string): string {
  return `/clusters/${enc(clusterId)}`;
}

/**
 * Where an object found by the fleet search opens in the cluster explorer (issue 5's pages
 * under /clusters/{id}/…; EdgeX devices under issue 6's /clusters/{id}/edgex/devices).
 */
export function fleetObjectHref(kind: TSearchKind, clusterId: string, namespace: string, name: string): string {
  const base = clusterHref(clusterId);
  switch (kind) {
    case "pod":
      return `${base}/pods/${enc(namespace)}/${enc(name)}`;
    case "deployment":
      return `${base}/deployments/${enc(namespace)}/${enc(name)}`;
    case "node":
      return `${base}/nodes/${enc(name)}`;
    case "edgex-device":
      return `${base}/edgex/devices/${enc(name)}`;
  }
}
