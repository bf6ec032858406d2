import type { ClusterState } from "../cluster/cluster-state";
import { installMetricsApi } from "../metrics/install-metrics-api";
import { helmControllerCrds } from "./helm-controller-crds";
import { addNode, crd, deployment, ensureNamespace, put, service, template } from "./scenario-helpers";

function nodeIp(cluster: ClusterState, i: number): string {
  return `10.${(cluster.index >> 8) & 255}.${cluster.index & 255}.${10 + i}`;
}

/** kube-system as k3s installs it: coredns, local-path-provisioner, metrics-server, traefik (+svclb), helm-install jobs. */
export function k3sSystem(cluster: ClusterState): void {
  for (const ns of ["default", "kube-system", "kube-public", "kube-node-lease"]) ensureNamespace(cluster, ns);
  put(cluster, "v1", "Service", { name: "kubernetes", namespace: "default", labels: { component: "apiserver", provider: "kubernetes" } }, { spec: { clusterIP: "10.43.0.1", clusterIPs: ["10.43.0.1"], ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }] } });
  put(cluster, "storage.k8s.io/v1", "StorageClass", { name: "local-path", annotations: { "storageclass.kubernetes.io/is-default-class": "true", "objectset.rio.cattle.io/id": "" } }, { provisioner: "rancher.io/local-path", reclaimPolicy: "Delete", volumeBindingMode: "WaitForFirstConsumer" });
  put(cluster, "scheduling.k8s.io/v1", "PriorityClass", { name: "system-cluster-critical" }, { value: 2000000000, description: "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary." });
  put(cluster, "scheduling.k8s.io/v1", "PriorityClass", { name: "system-node-critical" }, { value: 2000001000, description: "Used for system critical pods that must not be moved from their current node." });
  crd(cluster, "k3s.cattle.io", "Addon", "addons", "v1", "Namespaced", [{ name: "Source", type: "string", jsonPath: ".spec.source" }, { name: "Checksum", type: "string", jsonPath: ".spec.checksum" }]);
  helmControllerCrds(cluster);
  // What k3s's traefik-crd chart (Traefik 2.11) installs in the traefik.io group.
  for (const kind of ["IngressRoute", "IngressRouteTCP", "IngressRouteUDP", "Middleware", "MiddlewareTCP", "ServersTransport", "ServersTransportTCP", "TLSOption", "TLSStore", "TraefikService"]) {
    crd(cluster, "traefik.io", kind, `${kind.toLowerCase()}s`, "v1alpha1", "Namespaced");
  }
  put(cluster, "v1", "ConfigMap", { name: "coredns", namespace: "kube-system" }, { data: { Corefile: ".:53 {\n    errors\n    health\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n      pods insecure\n      fallthrough in-addr.arpa ip6.arpa\n    }\n    forward . /etc/resolv.conf\n    cache 30\n    loop\n    reload\n    loadbalance\n}\n", NodeHosts: "" } });
  put(cluster, "v1", "ConfigMap", { name: "local-path-config", namespace: "kube-system" }, { data: { "config.json": '{"nodePathMap":[{"node":"DEFAULT_PATH_FOR_NON_LISTED_NODES","paths":["/var/lib/rancher/k3s/storage"]}]}' } });
  for (const sa of ["coredns", "local-path-provisioner-service-account", "metrics-server", "helm-traefik", "helm-traefik-crd", "traefik"]) put(cluster, "v1", "ServiceAccount", { name: sa, namespace: "kube-system" });
  const crit = { priorityClassName: "system-cluster-critical", tolerations: [{ key: "CriticalAddonsOnly", operator: "Exists" }, { key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" }, { key: "node-role.kubernetes.io/master", operator: "Exists", effect: "NoSchedule" }] };
  deployment(cluster, "kube-system", "coredns", "rancher/mirrored-coredns-coredns:1.11.3", 1, { labels: { "k8s-app": "kube-dns" }, ports: [53, 9153], extra: { ...crit, serviceAccountName: "coredns", nodeSelector: { "kubernetes.io/os": "linux" } } });
  deployment(cluster, "kube-system", "local-path-provisioner", "rancher/local-path-provisioner:v0.0.30", 1, { labels: { app: "local-path-provisioner" }, extra: { ...crit, serviceAccountName: "local-path-provisioner-service-account" } });
  deployment(cluster, "kube-system", "metrics-server", "rancher/mirrored-metrics-server:v0.7.2", 1, { labels: { "k8s-app": "metrics-server" }, ports: [10250], extra: { ...crit, serviceAccountName: "metrics-server" } });
  deployment(cluster, "kube-system", "traefik", "rancher/mirrored-library-traefik:2.11.18", 1, { labels: { "app.kubernetes.io/instance": "traefik-kube-system", "app.kubernetes.io/name": "traefik" }, ports: [9100, 8080, 8000, 8443], extra: { ...crit, serviceAccountName: "traefik" } });
  service(cluster, "kube-system", "kube-dns", { "k8s-app": "kube-dns" }, [{ name: "dns", port: 53, protocol: "UDP" }, { name: "dns-tcp", port: 53, protocol: "TCP" }, { name: "metrics", port: 9153, protocol: "TCP" }], { clusterIP: "10.43.0.10", clusterIPs: ["10.43.0.10"] }, { "k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS" });
  installMetricsApi(cluster);
  service(cluster, "kube-system", "metrics-server", { "k8s-app": "metrics-server" }, [{ name: "https", port: 443, protocol: "TCP", targetPort: 10250 }]);
  service(cluster, "kube-system", "traefik", { "app.kubernetes.io/instance": "traefik-kube-system", "app.kubernetes.io/name": "traefik" }, [{ name: "web", port: 80, protocol: "TCP", targetPort: 8000 }, { name: "websecure", port: 443, protocol: "TCP", targetPort: 8443 }], { type: "LoadBalancer", externalTrafficPolicy: "Cluster" });
  const lbLabels = { app: "svclb-traefik-8c2ba5ab", "svccontroller.k3s.cattle.io/svcname": "traefik", "svccontroller.k3s.cattle.io/svcnamespace": "kube-system" };
  put(cluster, "apps/v1", "DaemonSet", { name: "svclb-traefik-8c2ba5ab", namespace: "kube-system", labels: lbLabels }, {
    spec: { selector: { matchLabels: { app: lbLabels.app } }, template: template(lbLabels, "rancher/klipper-lb:v0.4.9", { containers: [80, 443].map((p) => ({ name: `lb-tcp-${p}`, image: "rancher/klipper-lb:v0.4.9", ports: [{ containerPort: p, hostPort: p, name: `lb-tcp-${p}`, protocol: "TCP" }] })), extra: { tolerations: [{ operator: "Exists", effect: "NoSchedule" }, { key: "CriticalAddonsOnly", operator: "Exists" }] } }) },
  });
  // k3s's packaged charts: helm-controller runs their helm-install Jobs and records releases.
  for (const chart of ["traefik-crd", "traefik"]) {
    put(cluster, "helm.cattle.io/v1", "HelmChart", { name: chart, namespace: "kube-system" }, {
      spec: { chart: `https://%{KUBERNETES_API}%/static/charts/${chart}-27.0.201+up27.0.2.tgz`, ...(chart === "traefik" ? { set: { "global.systemDefaultRegistry": "" }, valuesContent: "deployment:\n  podAnnotations:\n    prometheus.io/port: \"8082\"\n    prometheus.io/scrape: \"true\"\nproviders:\n  kubernetesIngress:\n    publishedService:\n      enabled: true\npriorityClassName: \"system-cluster-critical\"\n" } : {}) },
    });
  }
}

/** k3s: one server node plus `agents` agent nodes (default 2). */
export function scenarioK3s(cluster: ClusterState, agents = 2): void {
  ensureNamespace(cluster, "kube-node-lease");
  addNode(cluster, { name: `${cluster.name}-server`, ip: nodeIp(cluster, 0), roles: ["control-plane", "master"], kubeletVersion: cluster.version });
  for (let i = 1; i <= agents; i++) addNode(cluster, { name: `${cluster.name}-agent-${i}`, ip: nodeIp(cluster, i), roles: [], kubeletVersion: cluster.version });
  k3sSystem(cluster);
}

/** k3s-ha: three servers with control-plane, etcd, master roles, plus agents. */
export function scenarioK3sHa(cluster: ClusterState, agents = 2): void {
  ensureNamespace(cluster, "kube-node-lease");
  for (let i = 0; i < 3; i++) addNode(cluster, { name: `${cluster.name}-server-${i}`, ip: nodeIp(cluster, i), roles: ["control-plane", "etcd", "master"], kubeletVersion: cluster.version });
  for (let i = 1; i <= agents; i++) addNode(cluster, { name: `${cluster.name}-agent-${i}`, ip: nodeIp(cluster, 10 + i), roles: [], kubeletVersion: cluster.version });
  k3sSystem(cluster);
}
