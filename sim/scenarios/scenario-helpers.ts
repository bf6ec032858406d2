import type { ClusterState } from "../cluster/cluster-state";
import { createObject } from "../cluster/object-writes";
import type { KubeObject, Labels } from "../store/kube-types";
import { isoTime } from "../store/object-store";
import type { ResourceType } from "../store/resource-registry";

/** Creates (or skips when present) an object of apiVersion/kind during bootstrap. */
export function put(cluster: ClusterState, apiVersion: string, kind: string, meta: { name: string; namespace?: string; labels?: Labels; annotations?: Labels }, body: Record<string, unknown> = {}): KubeObject | undefined {
  const t: ResourceType | undefined = cluster.registry.byKind(apiVersion, kind);
  if (!t) throw new Error(`scenario: unknown kind ${apiVersion}/${kind}`);
  if (cluster.store.get(t.storage, t.namespaced ? meta.namespace ?? "default" : undefined, meta.name)) return undefined;
  const obj = createObject(cluster, t, { apiVersion, kind, metadata: meta as unknown as KubeObject["metadata"], ...body });
  cluster.drain();
  return obj;
}

export function ensureNamespace(cluster: ClusterState, name: string, labels: Labels = {}): void {
  put(cluster, "v1", "Namespace", { name, labels });
}

export interface NodeOpts {
  name: string;
  ip: string;
  roles: string[];
  kubeletVersion: string;
  labels?: Labels;
  taints?: { key: string; value?: string; effect: string }[];
  osImage?: string;
  /** The board's hardware (default: a 4-core, 8 GiB amd64 Ubuntu server). */
  hardware?: NodeHardware;
}

/** What a node reports about its machine: nodeInfo, capacity and device-plugin resources. */
export interface NodeHardware {
  arch: "amd64" | "arm64" | "arm" | "riscv64";
  kernel: string;
  cpu: string;
  /** Memory capacity in Ki. */
  memoryKi: number;
  /** Extended resources from device plugins (`nvidia.com/gpu: "1"`), in capacity and allocatable. */
  extended?: Record<string, string>;
  containerRuntime?: string;
}

function seededHex(seed: string, len: number): string {
  let h = 2166136261;
  let out = "";
  while (out.length < len) {
    for (const ch of seed + out.length) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return out.slice(0, len);
}

/** A node with k3s' labels and annotations, its Ready conditions and its lease. */
export function addNode(cluster: ClusterState, o: NodeOpts): void {
  const roleLabels: Labels = {};
  for (const r of o.roles) roleLabels[`node-role.kubernetes.io/${r}`] = r === "edge" ? "" : "true";
  const at = isoTime(cluster.now());
  const hw = o.hardware ?? { arch: "amd64", kernel: "5.15.0-126-generic", cpu: "4", memoryKi: 8129620 };
  put(cluster, "v1", "Node", {
    name: o.name,
    labels: {
      "beta.kubernetes.io/arch": hw.arch,
      "beta.kubernetes.io/instance-type": "k3s",
      "beta.kubernetes.io/os": "linux",
      "kubernetes.io/arch": hw.arch,
      "kubernetes.io/hostname": o.name,
      "kubernetes.io/os": "linux",
      "node.kubernetes.io/instance-type": "k3s",
      ...roleLabels,
      ...o.labels,
    },
    annotations: {
      "alpha.kubernetes.io/provided-node-ip": o.ip,
      "flannel.alpha.coreos.com/backend-data": `{"VNI":1,"VtepMAC":"${seededHex(o.name, 12).replace(/(..)(?!$)/g, "$1:")}"}`,
      "flannel.alpha.coreos.com/backend-type": "vxlan",
      "flannel.alpha.coreos.com/kube-subnet-manager": "true",
      "flannel.alpha.coreos.com/public-ip": o.ip,
      "k3s.io/hostname": o.name,
      "k3s.io/internal-ip": o.ip,
      "k3s.io/node-args": o.roles.includes("control-plane") ? '["server","--write-kubeconfig-mode","0644"]' : '["agent"]',
      "k3s.io/node-config-hash": seededHex(o.name + "cfg", 52).toUpperCase(),
      "k3s.io/node-env": "{}",
      "node.alpha.kubernetes.io/ttl": "0",
      "volumes.kubernetes.io/controller-managed-attach-detach": "true",
    },
  }, {
    spec: { podCIDR: `10.42.${cluster.store.count("/nodes")}.0/24`, podCIDRs: [`10.42.${cluster.store.count("/nodes")}.0/24`], providerID: `k3s://${o.name}`, ...(o.taints ? { taints: o.taints } : {}) },
    status: {
      addresses: [{ type: "InternalIP", address: o.ip }, { type: "Hostname", address: o.name }],
      // The kubelet reserves 100 MiB of memory (eviction threshold) from what it allocates.
      allocatable: { cpu: hw.cpu, "ephemeral-storage": "58368038072", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: `${hw.memoryKi - 100_000}Ki`, pods: "110", ...hw.extended },
      capacity: { cpu: hw.cpu, "ephemeral-storage": "60000000Ki", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: `${hw.memoryKi}Ki`, pods: "110", ...hw.extended },
      conditions: [
        { type: "MemoryPressure", status: "False", lastHeartbeatTime: at, lastTransitionTime: at, reason: "KubeletHasSufficientMemory", message: "kubelet has sufficient memory available" },
        { type: "DiskPressure", status: "False", lastHeartbeatTime: at, lastTransitionTime: at, reason: "KubeletHasNoDiskPressure", message: "kubelet has no disk pressure" },
        { type: "PIDPressure", status: "False", lastHeartbeatTime: at, lastTransitionTime: at, reason: "KubeletHasSufficientPID", message: "kubelet has sufficient PID available" },
        { type: "Ready", status: "True", lastHeartbeatTime: at, lastTransitionTime: at, reason: "KubeletReady", message: "kubelet is posting ready status" },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: hw.arch,
        bootID: seededHex(o.name + "boot", 32).replace(/^(.{8})(.{4})(.{4})(.{4})/, "$1-$2-$3-$4-"),
        containerRuntimeVersion: hw.containerRuntime ?? (o.kubeletVersion.includes("kubeedge") ? "containerd://1.7.13" : "containerd://1.7.23-k3s2"),
        kernelVersion: hw.kernel,
        kubeProxyVersion: o.kubeletVersion,
        kubeletVersion: o.kubeletVersion,
        machineID: seededHex(o.name + "machine", 32),
        operatingSystem: "linux",
        osImage: o.osImage ?? "Ubuntu 22.04.5 LTS",
        systemUUID: seededHex(o.name + "uuid", 32).replace(/^(.{8})(.{4})(.{4})(.{4})/, "$1-$2-$3-$4-"),
      },
    },
  });
  put(cluster, "coordination.k8s.io/v1", "Lease", { name: o.name, namespace: "kube-node-lease" }, { spec: { holderIdentity: o.name, leaseDurationSeconds: 40, renewTime: new Date(cluster.now()).toISOString().replace("Z", "000Z") } });
}

/** Pod template with one container. */
export function template(labels: Labels, image: string, opts: { name?: string; ports?: number[]; annotations?: Labels; extra?: Record<string, unknown>; containers?: Record<string, unknown>[] } = {}): Record<string, unknown> {
  const container = { name: opts.name ?? Object.values(labels)[0] ?? "app", image, ...(opts.ports ? { ports: opts.ports.map((p) => ({ containerPort: p, protocol: "TCP" })) } : {}) };
  return { metadata: { labels, ...(opts.annotations ? { annotations: opts.annotations } : {}) }, spec: { containers: opts.containers ?? [container], ...opts.extra } };
}

export function deployment(cluster: ClusterState, ns: string, name: string, image: string, replicas = 1, opts: { labels?: Labels; ports?: number[]; annotations?: Labels; extra?: Record<string, unknown>; podAnnotations?: Labels } = {}): void {
  const labels = opts.labels ?? { app: name };
  put(cluster, "apps/v1", "Deployment", { name, namespace: ns, labels, ...(opts.annotations ? { annotations: opts.annotations } : {}) }, {
    spec: { replicas, selector: { matchLabels: labels }, template: template(labels, image, { name, ports: opts.ports, extra: opts.extra, annotations: opts.podAnnotations }) },
  });
}

export function service(cluster: ClusterState, ns: string, name: string, selector: Labels, ports: { name?: string; port: number; protocol?: string; targetPort?: number }[], extra: Record<string, unknown> = {}, labels: Labels = {}): void {
  put(cluster, "v1", "Service", { name, namespace: ns, labels }, { spec: { selector, ports, ...extra } });
}

/** A CRD with one served version and printer columns. */
export function crd(cluster: ClusterState, group: string, kind: string, plural: string, version: string, scope: "Namespaced" | "Cluster", columns: { name: string; type: string; jsonPath: string; priority?: number }[] = [], shortNames?: string[]): void {
  put(cluster, "apiextensions.k8s.io/v1", "CustomResourceDefinition", { name: `${plural}.${group}` }, {
    spec: {
      group,
      names: { kind, listKind: `${kind}List`, plural, singular: kind.toLowerCase(), ...(shortNames ? { shortNames } : {}) },
      scope,
      versions: [{ name: version, served: true, storage: true, schema: { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } }, subresources: { status: {} }, additionalPrinterColumns: columns }],
    },
  });
}
