import type { ClusterState } from "../cluster/cluster-state";
import { createObject, deleteObject, removeObject, writeStatus } from "../cluster/object-writes";
import { issueServiceAccountToken } from "../cluster/service-account-tokens";
import type { KubeObject, Pod } from "../store/kube-types";
import { isRecord } from "../store/kube-types";
import { isoTime } from "../store/object-store";
import type { ResourceType } from "../store/resource-registry";
import { selectorMatches } from "../store/selectors";
import { isPodReady, typeOf } from "./workload-pods";

/** New namespace: default ServiceAccount and kube-root-ca.crt ConfigMap. Terminating: drain. */
export function reconcileNamespace(cluster: ClusterState, ns: KubeObject): void {
  const name = ns.metadata.name;
  if (ns.metadata.deletionTimestamp) {
    let left = 0;
    for (const t of cluster.registry.all()) {
      if (!t.namespaced || t.group === "events.k8s.io") continue;
      for (const o of cluster.store.list(t.storage, name)) {
        left++;
        deleteObject(cluster, t, o, t.kind === "Pod" ? 0 : undefined);
      }
    }
    if (left === 0) removeObject(cluster, typeOf(cluster, "v1", "Namespace"), ns);
    else cluster.rt.timers.after(200, () => cluster.enqueue(`ns/${name}`, () => {
      const cur = cluster.store.get("/namespaces", undefined, name);
      if (cur) reconcileNamespace(cluster, cur);
    }));
    return;
  }
  if (!cluster.store.get("/serviceaccounts", name, "default")) {
    createObject(cluster, typeOf(cluster, "v1", "ServiceAccount"), { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: name } as unknown as KubeObject["metadata"] });
  }
  if (!cluster.store.get("/configmaps", name, "kube-root-ca.crt")) {
    createObject(cluster, typeOf(cluster, "v1", "ConfigMap"), { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "kube-root-ca.crt", namespace: name, annotations: { "kubernetes.io/description": "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters." } } as unknown as KubeObject["metadata"], data: { "ca.crt": cluster.certs.caPem } });
  }
}

/** Endpoints of a Service from its selector and ready pods. */
export function reconcileEndpoints(cluster: ClusterState, svc: KubeObject): void {
  const spec = (svc.spec ?? {}) as { selector?: Record<string, string>; ports?: { name?: string; port: number; targetPort?: number | string; protocol?: string }[] };
  if (!spec.selector) return;
  const pods = cluster.store.list("/pods", svc.metadata.namespace).filter((p) => selectorMatches({ matchLabels: spec.selector }, p.metadata.labels) && !p.metadata.deletionTimestamp) as Pod[];
  const ready = pods.filter(isPodReady);
  const notReady = pods.filter((p) => !isPodReady(p) && p.status?.podIP);
  const addr = (p: Pod): unknown => ({ ip: p.status?.podIP, nodeName: p.spec.nodeName, targetRef: { kind: "Pod", namespace: p.metadata.namespace, name: p.metadata.name, uid: p.metadata.uid } });
  const ports = (spec.ports ?? []).map((p) => ({ ...(p.name ? { name: p.name } : {}), port: typeof p.targetPort === "number" ? p.targetPort : p.port, protocol: p.protocol ?? "TCP" }));
  const subsets = ready.length + notReady.length > 0 ? [{ ...(ready.length ? { addresses: ready.map(addr) } : {}), ...(notReady.length ? { notReadyAddresses: notReady.map(addr) } : {}), ports }] : undefined;
  const t = typeOf(cluster, "v1", "Endpoints");
  const cur = cluster.store.get("/endpoints", svc.metadata.namespace, svc.metadata.name);
  const body = { apiVersion: "v1", kind: "Endpoints", metadata: { name: svc.metadata.name, namespace: svc.metadata.namespace, labels: svc.metadata.labels } as unknown as KubeObject["metadata"], ...(subsets ? { subsets } : {}) };
  if (!cur) createObject(cluster, t, body);
  else if (JSON.stringify(cur.subsets) !== JSON.stringify(subsets)) cluster.store.commit("/endpoints", "MODIFIED", { ...cur, subsets });
}

/** CRD controller: serves the defined versions, reports Established/NamesAccepted. */
export function reconcileCrd(cluster: ClusterState, crd: KubeObject, deleted: boolean): void {
  const spec = (crd.spec ?? {}) as { group?: string; names?: { plural: string; singular?: string; kind: string; shortNames?: string[]; categories?: string[]; listKind?: string }; scope?: string; versions?: { name: string; served?: boolean; subresources?: Record<string, unknown>; selectableFields?: { jsonPath?: string }[] }[] };
  if (!spec.group || !spec.names) return;
  cluster.registry.remove(spec.group, spec.names.plural);
  if (deleted) return;
  for (const v of spec.versions ?? []) {
    if (v.served === false) continue;
    const t: ResourceType = {
      group: spec.group,
      version: v.name,
      kind: spec.names.kind,
      plural: spec.names.plural,
      singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
      namespaced: spec.scope !== "Cluster",
      ...(spec.names.shortNames ? { shortNames: spec.names.shortNames } : {}),
      ...(spec.names.categories ? { categories: spec.names.categories } : {}),
      subresources: Object.keys(v.subresources ?? {}),
      storage: `${spec.group}/${spec.names.plural}`,
      custom: true,
      selectableFields: (v.selectableFields ?? []).flatMap((f) => (typeof f.jsonPath === "string" ? [f.jsonPath] : [])),
    };
    cluster.registry.add(t);
  }
  const at = isoTime(cluster.now());
  const status = {
    acceptedNames: { ...spec.names, listKind: spec.names.listKind ?? `${spec.names.kind}List`, singular: spec.names.singular ?? spec.names.kind.toLowerCase() },
    conditions: [
      { type: "NamesAccepted", status: "True", lastTransitionTime: at, reason: "NoConflicts", message: "no conflicts found" },
      { type: "Established", status: "True", lastTransitionTime: at, reason: "InitialNamesAccepted", message: "the initial names have been accepted" },
    ],
    storedVersions: (spec.versions ?? []).filter((v) => (v as { storage?: boolean }).storage).map((v) => v.name),
  };
  const cur = cluster.store.get("apiextensions.k8s.io/customresourcedefinitions", undefined, crd.metadata.name);
  const prev = cur && isRecord(cur.status) ? cur.status.acceptedNames : undefined;
  if (cur && JSON.stringify(prev) !== JSON.stringify(status.acceptedNames)) {
    writeStatus(cluster, typeOf(cluster, "apiextensions.k8s.io/v1", "CustomResourceDefinition"), cur, status);
  }
}

/** Token controller: fills kubernetes.io/service-account-token Secrets. */
export function reconcileTokenSecret(cluster: ClusterState, s: KubeObject): void {
  if (s.type !== "kubernetes.io/service-account-token") return;
  const data = (s.data ?? {}) as Record<string, string>;
  if (data.token) return;
  const sa = s.metadata.annotations?.["kubernetes.io/service-account.name"] ?? "default";
  const token = issueServiceAccountToken(cluster, s.metadata.namespace ?? "default", sa, 10 * 365 * 24 * 3600);
  const b64 = (v: string): string => Buffer.from(v).toString("base64");
  cluster.store.commit("/secrets", "MODIFIED", { ...s, data: { ...data, token: b64(token), "ca.crt": b64(cluster.certs.caPem), namespace: b64(s.metadata.namespace ?? "default") } });
}
