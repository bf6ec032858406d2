import { defaultPortsOf, EDGEX_CATALOG, edgexKeyOf, findEdgexCatalogEntry, type TEdgexProbeKind } from "./service-catalog";

/** The label EdgeX's own manifests and Helm charts put on their Services. */
export const EDGEX_SERVICE_LABEL = "org.edgexfoundry.service";

/** A Kubernetes Service as far as discovery reads it. */
export interface TServiceObject {
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
  spec?: { ports?: Array<{ port?: number; name?: string }> };
}

/** An EdgeX service found in a cluster: where the proxy reaches it and how to probe it. */
export interface TEdgexServiceRef {
  key: string;
  known: boolean;
  title: string | null;
  probe: TEdgexProbeKind;
  namespace: string;
  name: string;
  port: number | null;
}

const ORDER = new Map(EDGEX_CATALOG.map((e, i) => [e.key, i]));

function pickPort(ports: number[], defaults: number[]): number | null {
  for (const d of defaults) if (ports.includes(d)) return d;
  return ports[0] ?? null;
}

/**
 * The EdgeX services among a cluster's Services: labelled `org.edgexfoundry.service` or
 * named `edgex-*`, in any namespace. Known ones get their catalogue key and the port that
 * matches a default (support-scheduler: 59861 in 3.x, 59863 in 4.x); unknown ones (Redis,
 * Consul, Vault, …) are listed but not probed. Sorted in catalogue order, then by name.
 */
export function matchEdgexServices(services: readonly TServiceObject[]): TEdgexServiceRef[] {
  const found: TEdgexServiceRef[] = [];
  for (const svc of services) {
    const name = svc.metadata?.name ?? "";
    const label = svc.metadata?.labels?.[EDGEX_SERVICE_LABEL];
    if (!name || (label === undefined && !name.startsWith("edgex-"))) continue;
    const entry = (label ? findEdgexCatalogEntry(label) : undefined) ?? findEdgexCatalogEntry(name);
    const ports = (svc.spec?.ports ?? []).map((p) => p.port).filter((p): p is number => typeof p === "number");
    found.push({
      key: entry?.key ?? edgexKeyOf(label || name),
      known: !!entry,
      title: entry?.title ?? null,
      probe: entry && ports.length > 0 ? entry.probe : "none",
      namespace: svc.metadata?.namespace ?? "default",
      name,
      port: pickPort(ports, entry ? defaultPortsOf(entry) : []),
    });
  }
  const rank = (s: TEdgexServiceRef) => ORDER.get(s.key) ?? Number.MAX_SAFE_INTEGER;
  return found.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name) || a.namespace.localeCompare(b.namespace));
}
