// kubectl's columns for services, endpoints, namespaces, configmaps, secrets and
// serviceaccounts: printService (getServiceExternalIP, makePortString,
// loadBalancerStatusStringer), printEndpoints (formatEndpoints), printNamespace,
// printConfigMap, printSecret, printServiceAccount in printers.go. Events live in
// event-columns.ts and are re-exported here.
//
// The apiserver always generates rows with Wide: true (kubectl hides priority-1 columns
// itself), so the load-balancer list is never clipped to 16 characters here.

import { formatAge } from "./format-age";
import { formatLabels } from "./labels";
import type {
  ConfigMapLike,
  EndpointsLike,
  NamespaceLike,
  SecretLike,
  ServiceAccountLike,
  ServiceLike,
  ServicePortLike,
} from "./types";

export { eventRow, type EventRow } from "./event-columns";

export interface ServiceRow {
  name: string;
  namespace: string;
  type: string;
  clusterIp: string;
  externalIp: string;
  ports: string;
  age: string;
  selector: string;
}

/** makePortString: "80/TCP", "80:30080/TCP", comma-separated; "<none>" when no ports. */
export function servicePorts(ports: readonly ServicePortLike[] | undefined): string {
  const pieces = (ports ?? []).map((p) => {
    // protocol defaults to TCP in the apiserver before printers.go ever sees it.
    const protocol = p.protocol || "TCP";
    return p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${protocol}` : `${p.port}/${protocol}`;
  });
  return pieces.join(",") || "<none>";
}

function loadBalancerIngress(svc: ServiceLike): string {
  const set = new Set<string>();
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) set.add(ing.ip);
    else if (ing.hostname) set.add(ing.hostname);
  }
  return [...set].sort().join(",");
}

/** getServiceExternalIP: externalIPs, LB ingress, "<pending>", "<none>" or externalName. */
export function serviceExternalIp(svc: ServiceLike): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type || "ClusterIP") {
    case "ClusterIP":
    case "NodePort":
      return externalIPs.length > 0 ? externalIPs.join(",") : "<none>";
    case "LoadBalancer": {
      const lb = loadBalancerIngress(svc);
      if (externalIPs.length > 0) return [...(lb ? lb.split(",") : []), ...externalIPs].join(",");
      return lb || "<pending>";
    }
    case "ExternalName":
      return svc.spec?.externalName ?? "";
    default:
      return "<unknown>";
  }
}

/** `kubectl get svc -o wide`: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE SELECTOR. */
export function serviceRow(svc: ServiceLike, now: Date | number): ServiceRow {
  // The internal object printers.go reads always has clusterIPs when clusterIP is set.
  const clusterIp = svc.spec?.clusterIPs?.[0] ?? (svc.spec?.clusterIP || undefined);
  return {
    name: svc.metadata?.name ?? "",
    namespace: svc.metadata?.namespace ?? "",
    type: svc.spec?.type || "ClusterIP",
    clusterIp: clusterIp ?? "<none>",
    externalIp: serviceExternalIp(svc),
    ports: servicePorts(svc.spec?.ports),
    age: formatAge(svc.metadata?.creationTimestamp, now),
    selector: formatLabels(svc.spec?.selector),
  };
}

function joinHostPort(host: string, port: number): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

/** formatEndpoints: up to 3 "ip:port" entries, then " + N more..."; "<none>" when empty. */
export function formatEndpoints(ep: EndpointsLike): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return "<none>";
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      // Headless services may have no ports.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - max} more...` : ret;
}

/** `kubectl get endpoints`: NAME ENDPOINTS AGE. */
export function endpointsRow(ep: EndpointsLike, now: Date | number) {
  return {
    name: ep.metadata?.name ?? "",
    namespace: ep.metadata?.namespace ?? "",
    endpoints: formatEndpoints(ep),
    age: formatAge(ep.metadata?.creationTimestamp, now),
  };
}

/** `kubectl get ns`: NAME STATUS AGE (phase defaults to Active). */
export function namespaceRow(ns: NamespaceLike, now: Date | number) {
  return {
    name: ns.metadata?.name ?? "",
    status: ns.status?.phase ?? "Active",
    age: formatAge(ns.metadata?.creationTimestamp, now),
  };
}

/** `kubectl get cm`: NAME DATA AGE (DATA counts data and binaryData keys). */
export function configMapRow(cm: ConfigMapLike, now: Date | number) {
  return {
    name: cm.metadata?.name ?? "",
    namespace: cm.metadata?.namespace ?? "",
    data: Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length,
    age: formatAge(cm.metadata?.creationTimestamp, now),
  };
}

/** `kubectl get secrets`: NAME TYPE DATA AGE (type defaults to Opaque). */
export function secretRow(secret: SecretLike, now: Date | number) {
  return {
    name: secret.metadata?.name ?? "",
    namespace: secret.metadata?.namespace ?? "",
    type: secret.type || "Opaque",
    data: Object.keys(secret.data ?? {}).length,
    age: formatAge(secret.metadata?.creationTimestamp, now),
  };
}

/** `kubectl get sa`: NAME SECRETS AGE. */
export function serviceAccountRow(sa: ServiceAccountLike, now: Date | number) {
  return {
    name: sa.metadata?.name ?? "",
    namespace: sa.metadata?.namespace ?? "",
    secrets: sa.secrets?.length ?? 0,
    age: formatAge(sa.metadata?.creationTimestamp, now),
  };
}
