// Every `kubectl create` subcommand, with what the stored object must then contain. kubectl
// ≥ 1.34 sends these bodies as protobuf, older ones as JSON: the same checks hold for both.

export interface CreateCase {
  args: string[];
  /** `kubectl get` arguments (without -o) for the created object. */
  get: string[];
  /** What the object's JSON must contain (vitest toMatchObject). */
  expect: Record<string, unknown>;
}

/** Cases creating into namespace `ns`; cluster-scoped names get the `ns` as suffix. */
export function createCases(ns: string, tlsCert: string, tlsKey: string): CreateCase[] {
  const n = (s: string) => `${s}-${ns}`;
  return [
    { args: ["create", "clusterrole", n("pod-reader"), "--verb=get,list", "--resource=pods,deployments.apps", "--resource-name=web"], get: ["clusterrole", n("pod-reader")], expect: { rules: [{ verbs: ["get", "list"], apiGroups: [""], resources: ["pods"], resourceNames: ["web"] }, { apiGroups: ["apps"], resources: ["deployments"] }] } },
    { args: ["create", "clusterrole", n("monitoring"), "--aggregation-rule=rbac.example.com/aggregate-to-monitoring=true"], get: ["clusterrole", n("monitoring")], expect: { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { "rbac.example.com/aggregate-to-monitoring": "true" } }] } } },
    { args: ["create", "clusterrolebinding", n("readers"), `--clusterrole=${n("pod-reader")}`, "--user=u1", "--group=g1", `--serviceaccount=${ns}:robot`], get: ["clusterrolebinding", n("readers")], expect: { roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: n("pod-reader") }, subjects: [{ kind: "User", name: "u1" }, { kind: "Group", name: "g1" }, { kind: "ServiceAccount", name: "robot", namespace: ns }] } },
    { args: ["create", "configmap", "settings", "-n", ns, "--from-literal=mode=test", "--from-literal=level=3"], get: ["configmap", "settings", "-n", ns], expect: { data: { mode: "test", level: "3" } } },
    { args: ["create", "cronjob", "tick", "-n", ns, "--image=busybox:1.36", "--schedule=*/5 * * * *", "--", "echo", "tick"], get: ["cronjob", "tick", "-n", ns], expect: { spec: { schedule: "*/5 * * * *", jobTemplate: { spec: { template: { spec: { restartPolicy: "OnFailure", containers: [{ name: "tick", image: "busybox:1.36", command: ["echo", "tick"] }] } } } } } } },
    { args: ["create", "deployment", "web", "-n", ns, "--image=nginx:1.27.3", "--replicas=0", "--port=80"], get: ["deployment", "web", "-n", ns], expect: { spec: { replicas: 0, selector: { matchLabels: { app: "web" } }, template: { spec: { containers: [{ name: "nginx", image: "nginx:1.27.3", ports: [{ containerPort: 80 }] }] } } } } },
    { args: ["create", "ingress", "web", "-n", ns, "--class=traefik", "--rule=web.example.com/api*=web:8080,tls=web-tls"], get: ["ingress", "web", "-n", ns], expect: { spec: { ingressClassName: "traefik", tls: [{ hosts: ["web.example.com"], secretName: "web-tls" }], rules: [{ host: "web.example.com", http: { paths: [{ path: "/api", pathType: "Prefix", backend: { service: { name: "web", port: { number: 8080 } } } }] } }] } } },
    { args: ["create", "job", "once", "-n", ns, "--image=busybox:1.36", "--", "echo", "once"], get: ["job", "once", "-n", ns], expect: { spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "once", command: ["echo", "once"] }] } } } } },
    { args: ["create", "poddisruptionbudget", "web", "-n", ns, "--selector=app=web", "--min-available=50%"], get: ["pdb", "web", "-n", ns], expect: { spec: { minAvailable: "50%", selector: { matchLabels: { app: "web" } } } } },
    { args: ["create", "priorityclass", n("high"), "--value=1000", "--description=important", "--preemption-policy=Never"], get: ["priorityclass", n("high")], expect: { value: 1000, description: "important", preemptionPolicy: "Never", globalDefault: false } },
    { args: ["create", "quota", "small", "-n", ns, "--hard=pods=10,cpu=2,memory=1Gi", "--scopes=BestEffort"], get: ["quota", "small", "-n", ns], expect: { spec: { hard: { pods: "10", cpu: "2", memory: "1Gi" }, scopes: ["BestEffort"] } } },
    { args: ["create", "role", "pod-reader", "-n", ns, "--verb=get", "--resource=pods", "--resource=pods/log"], get: ["role", "pod-reader", "-n", ns], expect: { rules: [{ verbs: ["get"], apiGroups: [""], resources: ["pods", "pods/log"] }] } },
    { args: ["create", "rolebinding", "readers", "-n", ns, "--role=pod-reader", "--user=u1"], get: ["rolebinding", "readers", "-n", ns], expect: { roleRef: { kind: "Role", name: "pod-reader" }, subjects: [{ kind: "User", name: "u1", apiGroup: "rbac.authorization.k8s.io" }] } },
    { args: ["create", "secret", "generic", "creds", "-n", ns, "--from-literal=password=s3cret"], get: ["secret", "creds", "-n", ns], expect: { type: "Opaque", data: { password: Buffer.from("s3cret").toString("base64") } } },
    { args: ["create", "secret", "docker-registry", "pull", "-n", ns, "--docker-server=registry.example.com", "--docker-username=u", "--docker-password=p"], get: ["secret", "pull", "-n", ns], expect: { type: "kubernetes.io/dockerconfigjson" } },
    { args: ["create", "secret", "tls", "web-tls", "-n", ns, `--cert=${tlsCert}`, `--key=${tlsKey}`], get: ["secret", "web-tls", "-n", ns], expect: { type: "kubernetes.io/tls" } },
    { args: ["create", "service", "clusterip", "web", "-n", ns, "--tcp=80:8080"], get: ["service", "web", "-n", ns], expect: { spec: { type: "ClusterIP", ports: [{ name: "80-8080", port: 80, protocol: "TCP", targetPort: 8080 }] } } },
    { args: ["create", "service", "nodeport", "web-np", "-n", ns, "--tcp=80:http"], get: ["service", "web-np", "-n", ns], expect: { spec: { type: "NodePort", ports: [{ port: 80, targetPort: "http" }] } } },
    { args: ["create", "service", "loadbalancer", "web-lb", "-n", ns, "--tcp=443:8443"], get: ["service", "web-lb", "-n", ns], expect: { spec: { type: "LoadBalancer", ports: [{ port: 443, targetPort: 8443 }] } } },
    { args: ["create", "service", "externalname", "upstream", "-n", ns, "--external-name=example.com"], get: ["service", "upstream", "-n", ns], expect: { spec: { type: "ExternalName", externalName: "example.com" } } },
    { args: ["create", "serviceaccount", "robot", "-n", ns], get: ["serviceaccount", "robot", "-n", ns], expect: { metadata: { name: "robot", namespace: ns } } },
  ];
}
