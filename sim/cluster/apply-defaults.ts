import type { ClusterState } from "./cluster-state";
import type { Container, KubeObject, Pod, Workload } from "../store/kube-types";
import { isRecord } from "../store/kube-types";

// Defaults the apiserver (and its admission plugins) add on create, so objects read back
// the way kubectl expects (describe shows QoS, tolerations, the SA token volume…).

function defaultContainer(c: Container): Container {
  const tag = c.image.includes("@") ? "" : (c.image.split("/").pop()?.split(":")[1] ?? "latest");
  return {
    terminationMessagePath: "/dev/termination-log",
    terminationMessagePolicy: "File",
    imagePullPolicy: tag === "latest" ? "Always" : "IfNotPresent",
    resources: {},
    ...c,
  };
}

function defaultPod(cluster: ClusterState, pod: Pod): Pod {
  const spec = { ...pod.spec };
  spec.restartPolicy ??= "Always";
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= "ClusterFirst";
  spec.schedulerName ??= "default-scheduler";
  spec.securityContext ??= {};
  spec.serviceAccountName ??= spec.serviceAccount ?? "default";
  spec.serviceAccount ??= spec.serviceAccountName;
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= "PreemptLowerPriority";
  spec.priority ??= 0;
  const tolerations = Array.isArray(spec.tolerations) ? [...spec.tolerations] : [];
  for (const key of ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]) {
    if (!tolerations.some((t) => isRecord(t) && t.key === key)) tolerations.push({ key, operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;
  const apiVol = `kube-api-access-${cluster.name.length % 10}${pod.metadata.uid.slice(0, 4)}`;
  const hasApiVol = (spec.volumes ?? []).some((v) => v.name.startsWith("kube-api-access-"));
  if (!hasApiVol && spec.automountServiceAccountToken !== false) {
    spec.volumes = [
      ...(spec.volumes ?? []),
      { name: apiVol, projected: { defaultMode: 420, sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: "token" } }, { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } }, { downwardAPI: { items: [{ path: "namespace", fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } }] } }] } },
    ];
  }
  const mount = { name: apiVol, readOnly: true, mountPath: "/var/run/secrets/kubernetes.io/serviceaccount" };
  spec.containers = (spec.containers ?? []).map((c) => {
    const d = defaultContainer(c);
    if (!hasApiVol && spec.automountServiceAccountToken !== false) d.volumeMounts = [...(d.volumeMounts ?? []), mount];
    return d;
  });
  if (spec.initContainers) spec.initContainers = spec.initContainers.map(defaultContainer);
  const requests = spec.containers.some((c) => isRecord(c.resources) && (isRecord(c.resources.requests) || isRecord(c.resources.limits)));
  return { ...pod, spec, status: pod.status ?? { phase: "Pending", qosClass: requests ? "Burstable" : "BestEffort" } };
}

function defaultWorkload(obj: Workload): Workload {
  const spec = { ...obj.spec };
  if (obj.kind !== "DaemonSet") spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  if (obj.kind === "Deployment") {
    // Also after a server-side apply pruned part of it: type defaults to RollingUpdate, whose parameters default to 25%.
    const st: Record<string, unknown> = isRecord(spec.strategy) ? spec.strategy : {};
    const type = st.type ?? "RollingUpdate";
    spec.strategy = type === "RollingUpdate" ? { ...st, type, rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%", ...(isRecord(st.rollingUpdate) ? st.rollingUpdate : {}) } } : { ...st, type };
    spec.progressDeadlineSeconds ??= 600;
  }
  return { ...obj, spec };
}

/** Applies create-time defaults for the kinds that have them. */
export function applyDefaults(cluster: ClusterState, obj: KubeObject): KubeObject {
  switch (obj.kind) {
    case "Pod":
      return defaultPod(cluster, obj as Pod);
    case "Deployment":
    case "ReplicaSet":
    case "StatefulSet":
    case "DaemonSet":
      return isRecord(obj.spec) ? defaultWorkload(obj as Workload) : obj;
    case "CronJob":
      // SetDefaults_CronJob.
      if (!isRecord(obj.spec)) return obj;
      return { ...obj, spec: { concurrencyPolicy: "Allow", suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1, ...obj.spec } };
    case "Namespace":
      return {
        ...obj,
        metadata: { ...obj.metadata, labels: { ...obj.metadata.labels, "kubernetes.io/metadata.name": obj.metadata.name } },
        spec: { finalizers: ["kubernetes"] },
        status: { phase: "Active" },
      };
    case "Secret": {
      const data: Record<string, string> = isRecord(obj.data) ? { ...(obj.data as Record<string, string>) } : {};
      if (isRecord(obj.stringData)) for (const [k, v] of Object.entries(obj.stringData)) data[k] = Buffer.from(String(v)).toString("base64");
      const { stringData: _drop, ...rest } = obj;
      return { ...rest, type: obj.type ?? "Opaque", data } as KubeObject;
    }
    case "Service": {
      const spec = isRecord(obj.spec) ? { ...obj.spec } : {};
      spec.type ??= "ClusterIP";
      spec.sessionAffinity ??= "None";
      if (spec.clusterIP === undefined && spec.type !== "ExternalName") {
        const n = cluster.store.count("/services") + 10;
        spec.clusterIP = `10.43.${(n >> 8) & 255}.${n & 255}`;
        spec.clusterIPs = [spec.clusterIP];
      }
      spec.ipFamilies ??= ["IPv4"];
      spec.ipFamilyPolicy ??= "SingleStack";
      spec.internalTrafficPolicy ??= "Cluster";
      if (Array.isArray(spec.ports)) {
        spec.ports = spec.ports.map((p: unknown) => (isRecord(p) ? { protocol: "TCP", targetPort: p.port, ...p } : p));
      }
      return { ...obj, spec, status: obj.status ?? { loadBalancer: {} } };
    }
    default:
      return obj;
  }
}
