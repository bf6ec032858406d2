import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type SimClusterInternal, type Simulator } from "./index";
import { raw } from "./test/raw-request";
import { kubectl } from "./test/run-kubectl";

// What real kubectl prints for the kinds whose columns come from printers.go (and
// kube-aggregator for APIServices) — kubectl only lays out the server's Table, so these
// lines are the simulator's Table as kubectl shows it.

/** Columns of kubectl's aligned output (separated by two or more spaces). */
const cellsOf = (line: string | undefined): string[] => (line ?? "").trim().split(/\s{2,}/);

describe("kubectl get -o wide prints printers.go's columns for storage, ingress, RBAC, HPA and APIService kinds", () => {
  let sim: Simulator & { clusters: SimClusterInternal[] };
  let c: SimClusterInternal;
  let dir = "";
  const k = (args: string[]) => kubectl(c.kubeconfigPath ?? "", args);
  const post = async (p: string, body: unknown) => expect((await raw(c, "POST", p, JSON.stringify(body))).status).toBe(201);
  const lines = async (args: string[]): Promise<string[]> => {
    const out = await k(args);
    expect(out.stderr).toBe("");
    return out.stdout.trimEnd().split("\n");
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sim-columns-"));
    sim = await startSimulator({ clusters: [{ name: "cols", scenarios: ["k3s", "demo"] }], kubeconfigDir: dir });
    c = sim.clusters[0] as SimClusterInternal;
    await post("/api/v1/persistentvolumes", { metadata: { name: "pv-data" }, spec: { capacity: { storage: "5Gi" }, accessModes: ["ReadWriteMany", "ReadWriteOnce"], persistentVolumeReclaimPolicy: "Retain", storageClassName: "local-path", claimRef: { namespace: "demo", name: "data" }, hostPath: { path: "/data" } } });
    await post("/api/v1/namespaces/demo/persistentvolumeclaims", { metadata: { name: "scratch" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, storageClassName: "local-path", volumeMode: "Filesystem" } });
    await post("/apis/networking.k8s.io/v1/namespaces/demo/ingresses", { metadata: { name: "web" }, spec: { ingressClassName: "traefik", tls: [{ hosts: ["a.example.com"] }], rules: ["a", "b", "c", "d"].map((h) => ({ host: `${h}.example.com` })) } });
    await post("/apis/rbac.authorization.k8s.io/v1/namespaces/demo/rolebindings", { metadata: { name: "mixed" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" }, subjects: [{ kind: "User", name: "ann" }, { kind: "Group", name: "ops" }, { kind: "User", name: "bob" }, { kind: "ServiceAccount", name: "default", namespace: "demo" }] });
    await post("/apis/autoscaling/v2/namespaces/demo/horizontalpodautoscalers", { metadata: { name: "web" }, spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, minReplicas: 2, maxReplicas: 5, metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } }, { type: "Resource", resource: { name: "memory", target: { type: "AverageValue", averageValue: "200Mi" } } }, { type: "Pods", pods: { metric: { name: "rps" }, target: { type: "AverageValue", averageValue: "10" } } }] } });
  });
  afterAll(async () => {
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("persistent volumes, claims and storage classes", async () => {
    const pv = await lines(["get", "pv", "-o", "wide"]);
    expect(cellsOf(pv[0])).toEqual(["NAME", "CAPACITY", "ACCESS MODES", "RECLAIM POLICY", "STATUS", "CLAIM", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "REASON", "AGE", "VOLUMEMODE"]);
    // REASON and STATUS are empty strings: kubectl leaves them blank, so compare the line shape
    expect(pv[1]).toMatch(/^pv-data\s+5Gi\s+RWO,RWX\s+Retain\s+demo\/data\s+local-path\s+<unset>\s+\d+s\s+<unset>$/);
    const pvc = await lines(["-n", "demo", "get", "pvc", "-o", "wide"]);
    expect(cellsOf(pvc[0])).toEqual(["NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS MODES", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "AGE", "VOLUMEMODE"]);
    // unbound: no capacity or access modes yet
    expect(pvc[1]).toMatch(/^scratch\s+(Pending\s+)?local-path\s+<unset>\s+\d+s\s+Filesystem$/);
    const sc = await lines(["get", "storageclass"]);
    expect(cellsOf(sc[0])).toEqual(["NAME", "PROVISIONER", "RECLAIMPOLICY", "VOLUMEBINDINGMODE", "ALLOWVOLUMEEXPANSION", "AGE"]);
    expect(cellsOf(sc[1]).slice(0, 5)).toEqual(["local-path (default)", "rancher.io/local-path", "Delete", "WaitForFirstConsumer", "false"]);
  });

  it("ingresses list three hosts then how many more, and 80, 443 with TLS", async () => {
    const ing = await lines(["-n", "demo", "get", "ingress", "-o", "wide"]);
    expect(cellsOf(ing[0])).toEqual(["NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"]);
    expect(ing[1]).toMatch(/^web\s+traefik\s+a\.example\.com,b\.example\.com,c\.example\.com \+ 1 more\.\.\.\s+80, 443\s+\d+s$/);
  });

  it("bindings show Kind/name and, wide, their users, groups and service accounts; roles and CRDs keep NAME and CREATED AT", async () => {
    const rb = await lines(["-n", "demo", "get", "rolebinding", "mixed", "-o", "wide"]);
    expect(cellsOf(rb[0])).toEqual(["NAME", "ROLE", "AGE", "USERS", "GROUPS", "SERVICEACCOUNTS"]);
    expect(cellsOf(rb[1])).toEqual(["mixed", "ClusterRole/view", expect.stringMatching(/^\d+s$/), "ann, bob", "ops", "demo/default"]);
    const crb = await lines(["get", "clusterrolebinding", "cluster-admin"]);
    expect(cellsOf(crb[0])).toEqual(["NAME", "ROLE", "AGE"]);
    expect(cellsOf(crb[1]).slice(0, 2)).toEqual(["cluster-admin", "ClusterRole/cluster-admin"]);
    for (const kind of ["clusterrole", "crd"]) expect(cellsOf((await lines(["get", kind]))[0])).toEqual(["NAME", "CREATED AT"]);
  });

  it("HPAs print formatHPAMetrics' targets and <unset>/counts; APIServices their service and availability", async () => {
    const hpa = await lines(["-n", "demo", "get", "hpa"]);
    expect(cellsOf(hpa[0])).toEqual(["NAME", "REFERENCE", "TARGETS", "MINPODS", "MAXPODS", "REPLICAS", "AGE"]);
    expect(cellsOf(hpa[1]).slice(0, 6)).toEqual(["web", "Deployment/web", "cpu: <unknown>/80%, memory: <unknown>/200Mi + 1 more...", "2", "5", "0"]);
    const api = await lines(["get", "apiservice", "v1beta1.metrics.k8s.io"]);
    expect(cellsOf(api[0])).toEqual(["NAME", "SERVICE", "AVAILABLE", "AGE"]);
    expect(cellsOf(api[1]).slice(0, 3)).toEqual(["v1beta1.metrics.k8s.io", "kube-system/metrics-server", "True"]);
  });
});
