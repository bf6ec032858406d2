import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kubeToolPath } from "../scripts/kube-tools";
import { createClusterCerts } from "./certs/create-cluster-certs";
import { startSimulator, type Simulator } from "./index";
import { createCases } from "./test/kubectl-create-cases";
import { dispatcherKubectl, kubectl } from "./test/run-kubectl";

// Drives the real kubectl (dispatcher → kubectl.1.31 for v1.31.4+k3s1) against one
// simulated cluster with the k3s, demo, kubeedge and edgex scenarios. Steps share the
// cluster and run in order.

const MANIFEST = `apiVersion: v1
kind: Namespace
metadata:
  name: conformance
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: runner
  namespace: conformance
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: conformance-runner
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects: [{kind: ServiceAccount, name: runner, namespace: conformance}]
---
apiVersion: v1
kind: Secret
metadata:
  name: settings
  namespace: conformance
type: Opaque
stringData: {mode: test}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello
  namespace: conformance
spec:
  replicas: 2
  selector: {matchLabels: {app: hello}}
  template:
    metadata: {labels: {app: hello}}
    spec:
      serviceAccountName: runner
      tolerations: [{key: node-role.kubernetes.io/edge, operator: Exists}]
      containers:
      - name: hello
        image: nginx:1.27.3
        ports: [{containerPort: 80}]
        resources: {requests: {cpu: 10m}}
        readinessProbe: {httpGet: {path: /, port: 80}}
        volumeMounts: [{name: settings, mountPath: /etc/settings, readOnly: true}]
      volumes: [{name: settings, secret: {secretName: settings}}]
`;

describe("kubectl conformance", () => {
  let sim: Simulator;
  let dir: string;
  let kc: string;
  const k = (args: string[], opts?: { timeoutMs?: number; input?: string }) => kubectl(kc, args, opts);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "sim-kubectl-"));
    sim = await startSimulator({ clusters: [{ name: "conf", scenarios: ["k3s", "demo", "kubeedge", "edgex"] }], kubeconfigDir: dir, crashLoopBaseMs: 500, podStartMs: 100 });
    kc = sim.clusters[0]?.kubeconfigPath ?? "";
  });
  afterAll(async () => {
    await sim?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("version shows the k3s server version", async () => {
    const r = await k(["version"]);
    expect(r.stdout).toMatch(/Server Version: v1\.31\.4\+k3s1/);
  });

  it("api-resources lists core, apps and CRD types", async () => {
    const r = await k(["api-resources"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^pods\s+po\s+v1\s+true\s+Pod$/m);
    expect(r.stdout).toMatch(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
    expect(r.stdout).toMatch(/^devices\s+devices\.kubeedge\.io\/v1beta1\s+true\s+Device$/m);
  });

  it("get nodes -o wide prints k3s and KubeEdge nodes", async () => {
    const r = await k(["get", "nodes", "-o", "wide"]);
    expect(r.stdout).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INTERNAL-IP\s+EXTERNAL-IP\s+OS-IMAGE\s+KERNEL-VERSION\s+CONTAINER-RUNTIME/);
    expect(r.stdout).toMatch(/conf-server\s+Ready\s+control-plane,master\s+\S+\s+v1\.31\.4\+k3s1\s+10\./);
    expect(r.stdout).toMatch(/conf-edge-1\s+Ready\s+agent,edge\s+\S+\s+v1\.29\.5-kubeedge-v1\.18\.0/);
  });

  it("get pods -A shows system pods and broken demo pods", async () => {
    const r = await k(["get", "pods", "-A"]);
    expect(r.stdout).toMatch(/kube-system\s+coredns-\S+\s+1\/1\s+Running\s+0/);
    expect(r.stdout).toMatch(/kube-system\s+helm-install-traefik-\S+\s+0\/1\s+Completed/);
    expect(r.stdout).toMatch(/demo\s+legacy-\S+\s+0\/1\s+(ErrImagePull|ImagePullBackOff)/);
    expect(r.stdout).toMatch(/edgex\s+edgex-core-data-\S+\s+1\/1\s+Running/);
  });

  it("apply -f of a multi-document manifest, then rollout status", async () => {
    const r = await k(["apply", "-f", "-"], { input: MANIFEST });
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("namespace/conformance created");
    expect(r.stdout).toContain("clusterrolebinding.rbac.authorization.k8s.io/conformance-runner created");
    expect(r.stdout).toContain("deployment.apps/hello created");
    const again = await k(["apply", "-f", "-"], { input: MANIFEST });
    expect(again.stdout).toContain("deployment.apps/hello unchanged");
    const ro = await k(["-n", "conformance", "rollout", "status", "deployment/hello", "--timeout=20s"], { timeoutMs: 25_000 });
    expect(ro.stdout).toContain('deployment "hello" successfully rolled out');
  });

  it("describe pod shows containers, volumes and events", async () => {
    const r = await k(["-n", "conformance", "describe", "pod", "-l", "app=hello"]);
    expect(r.stdout).toMatch(/Status:\s+Running/);
    expect(r.stdout).toMatch(/Image:\s+nginx:1\.27\.3/);
    expect(r.stdout).toMatch(/SecretName:\s+settings/);
    expect(r.stdout).toMatch(/Normal\s+Scheduled\s+\S+\s+default-scheduler\s+Successfully assigned conformance\//);
    expect(r.stdout).toMatch(/Normal\s+Started\s+\S+\s+kubelet\s+Started container hello/);
  });

  it("logs and a bounded logs -f", async () => {
    const r = await k(["-n", "kube-system", "logs", "deploy/coredns", "--tail=3"]);
    expect(r.stdout.trim().split("\n")).toHaveLength(3);
    expect(r.stdout).toMatch(/\[INFO\]/);
    const f = await k(["-n", "kube-system", "logs", "-f", "deploy/coredns", "--tail=1", "--request-timeout=3s"], { timeoutMs: 30_000 });
    expect(f.stdout).toMatch(/\[INFO\]/);
  });

  it("get events -A --sort-by=.lastTimestamp", async () => {
    const r = await k(["get", "events", "-A", "--sort-by=.lastTimestamp"]);
    expect(r.stdout).toMatch(/^NAMESPACE\s+LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE/);
    expect(r.stdout).toMatch(/ScalingReplicaSet\s+deployment\/hello\s+Scaled up replica set hello-\S+ to 2/);
  });

  it("scale, then a bounded get --watch sees the new pod", async () => {
    const watch = k(["-n", "conformance", "get", "pods", "-l", "app=hello", "--watch", "--request-timeout=4s"], { timeoutMs: 30_000 });
    const s = await k(["-n", "conformance", "scale", "deployment/hello", "--replicas=3"]);
    expect(s.stdout).toContain("deployment.apps/hello scaled");
    const w = await watch;
    const names = new Set(w.stdout.split("\n").map((l) => l.split(/\s+/)[0]).filter((n) => n?.startsWith("hello-")));
    expect(names.size).toBe(3);
    const d = await k(["-n", "conformance", "get", "deploy", "hello"]);
    expect(d.stdout).toMatch(/hello\s+3\/3\s+3\s+3/);
  });

  it("delete waits for graceful pod termination", async () => {
    const r = await k(["-n", "conformance", "delete", "deployment", "hello", "--timeout=20s"], { timeoutMs: 25_000 });
    expect(r.stdout).toContain('deployment.apps "hello" deleted');
    const gone = await k(["-n", "conformance", "get", "deploy", "hello"]);
    expect(gone.stderr).toContain('deployments.apps "hello" not found');
  });

  it("get devices.devices.kubeedge.io -A prints printer columns", async () => {
    const r = await k(["get", "devices.devices.kubeedge.io", "-A"]);
    // A CRD that declares printer columns gets exactly those (no Age added), as apiextensions-apiserver serves them.
    expect(r.stdout).toMatch(/^NAMESPACE\s+NAME\s+NODE\s+MODEL\s+STATE\n/);
    expect(r.stdout).toMatch(/thermometer-1\s+conf-edge-1\s+thermometer\s+online/);
  });

  it("get --raw through the EdgeX service proxy", async () => {
    const r = await k(["get", "--raw", "/api/v1/namespaces/edgex/services/edgex-core-data:59880/proxy/api/v3/ping"]);
    const body = JSON.parse(r.stdout) as { apiVersion: string; timestamp: string };
    expect(body.apiVersion).toBe("v3");
    expect(body.timestamp).toBeTruthy();
  });

  // kubectl 1.34 sends create bodies as protobuf, 1.33 as JSON; both must store the same.
  for (const [label, bin] of [["1.33", () => dispatcherKubectl(33)], ["1.34", () => kubeToolPath("kubectl")]] as const) {
    it(`kubectl ${label}: every create subcommand stores what it sent`, async () => {
      const kb = (args: string[]) => kubectl(kc, args, { bin: bin() });
      const ns = `create-${label.replace(".", "")}`;
      const certs = await createClusterCerts("tls-secret");
      await writeFile(path.join(dir, "tls.crt"), certs.certPem);
      await writeFile(path.join(dir, "tls.key"), certs.keyPem);
      expect((await kb(["create", "namespace", ns])).stdout).toContain(`namespace/${ns} created`);
      // Independent objects (a binding may name a role that does not exist yet): four at a time.
      const cases = createCases(ns, path.join(dir, "tls.crt"), path.join(dir, "tls.key"));
      const check = async (c: (typeof cases)[number]) => {
        const r = await kb(c.args);
        expect(r.stderr, c.args.join(" ")).toBe("");
        expect(r.stdout, c.args.join(" ")).toMatch(/ created\n$/);
        const got = await kb(["get", ...c.get, "-o", "json"]);
        expect(JSON.parse(got.stdout), c.args.join(" ")).toMatchObject(c.expect);
      };
      for (let i = 0; i < cases.length; i += 4) await Promise.all(cases.slice(i, i + 4).map(check));
      const token = await kb(["create", "token", "robot", "-n", ns, "--duration=10m"]);
      expect(token.stdout).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+\s*$/);
      const claims = JSON.parse(Buffer.from(token.stdout.split(".")[1] ?? "", "base64url").toString()) as { exp: number; iat: number };
      expect(claims.exp - claims.iat).toBe(600);
    });
  }
});

// k3s's own controllers with kubectl 1.33 (the dispatcher follows the served version): a
// k3s-ha cluster whose helm-controller installs a HelmChart.
const execFileAsync = promisify(execFile);
const HELM_CHART = `apiVersion: helm.cattle.io/v1
kind: HelmChart
metadata:
  name: web
  namespace: kube-system
spec:
  chart: nginx
  repo: https://charts.example.com/stable
  targetNamespace: web
  createNamespace: true
  valuesContent: |
    replicaCount: 2
  set:
    image.tag: "1.27.4"
`;

const SERVER_PLAN = `apiVersion: upgrade.cattle.io/v1
kind: Plan
metadata:
  name: k3s-server
  namespace: system-upgrade
spec:
  concurrency: 1
  cordon: true
  nodeSelector:
    matchExpressions:
    - {key: node-role.kubernetes.io/control-plane, operator: In, values: ["true"]}
  serviceAccountName: system-upgrade
  upgrade:
    image: rancher/k3s-upgrade
  version: v1.33.4+k3s1
`;

describe("kubectl 1.33 and k3s controllers", () => {
  let sim: Simulator;
  let dir: string;
  let kc: string;
  const k = (args: string[], opts?: { timeoutMs?: number; input?: string }) => kubectl(kc, args, opts);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "sim-kubectl-k3s-"));
    sim = await startSimulator({ clusters: [{ name: "ha", scenarios: ["k3s-ha"], version: "v1.33.1+k3s1" }], kubeconfigDir: dir, crashLoopBaseMs: 500, podStartMs: 100 });
    kc = sim.clusters[0]?.kubeconfigPath ?? "";
  });
  afterAll(async () => {
    await sim?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("HelmChart install runs helm-install to completion: release Secret and workloads", async () => {
    const v = await k(["version"]);
    expect(v.stdout).toMatch(/Client Version: v1\.33\./);
    const a = await k(["apply", "-f", "-"], { input: HELM_CHART });
    expect(a.stderr).toBe("");
    expect(a.stdout).toContain("helmchart.helm.cattle.io/web created");
    const claimed = await k(["-n", "kube-system", "wait", "--for=jsonpath={.status.jobName}=helm-install-web", "helmchart/web", "--timeout=20s"], { timeoutMs: 25_000 });
    expect(claimed.stdout).toContain("helmchart.helm.cattle.io/web condition met");
    const done = await k(["-n", "kube-system", "wait", "--for=condition=complete", "job/helm-install-web", "--timeout=30s"], { timeoutMs: 35_000 });
    expect(done.stdout).toContain("job.batch/helm-install-web condition met");
    const hc = await k(["-n", "kube-system", "get", "helmchart", "web"]);
    expect(hc.stdout).toMatch(/^NAME\s+JOB\s+CHART\s+TARGETNAMESPACE\s+VERSION\s+REPO\s+HELMVERSION\s+BOOTSTRAP\n/);
    expect(hc.stdout).toMatch(/^web\s+helm-install-web\s+nginx\s+web\s+https:\/\/charts\.example\.com\/stable/m);
    const rel = await k(["-n", "web", "get", "secret", "-l", "owner=helm,name=web", "-o", "custom-columns=NAME:.metadata.name,TYPE:.type,STATUS:.metadata.labels.status", "--no-headers"]);
    expect(rel.stdout.trim()).toMatch(/^sh\.helm\.release\.v1\.web\.v1\s+helm\.sh\/release\.v1\s+deployed$/);
    const ro = await k(["-n", "web", "rollout", "status", "deployment/web-nginx", "--timeout=20s"], { timeoutMs: 25_000 });
    expect(ro.stdout).toContain('deployment "web-nginx" successfully rolled out');
    const d = await k(["-n", "web", "get", "deploy", "web-nginx", "-o", "wide"]);
    expect(d.stdout).toMatch(/web-nginx\s+2\/2\s+2\s+2\s+\S+\s+nginx\s+nginx:1\.27\.4/);
    // Real helm reads the release the simulated klipper-helm wrote.
    const { stdout } = await execFileAsync(kubeToolPath("helm"), ["--kubeconfig", kc, "list", "-n", "web"], { timeout: 20_000 });
    expect(stdout).toMatch(/^web\s+web\s+1\s+.+\s+deployed\s+nginx-18\.3\.1\s+1\.27\.3\s*$/m);
  });

  it("a Plan of the installed system-upgrade-controller upgrades the three servers", async () => {
    const before = await k(["get", "plans", "-A"]);
    expect(before.stderr).toContain('the server doesn\'t have a resource type "plans"');
    const a = await k(["apply", "-f", path.join(__dirname, "fixtures", "system-upgrade-controller.yaml")]);
    expect(a.stdout).toContain("deployment.apps/system-upgrade-controller created");
    const ro = await k(["-n", "system-upgrade", "rollout", "status", "deployment/system-upgrade-controller", "--timeout=20s"], { timeoutMs: 25_000 });
    expect(ro.stdout).toContain("successfully rolled out");
    const crd = await k(["wait", "--for=create", "crd/plans.upgrade.cattle.io", "--timeout=20s"], { timeoutMs: 25_000 });
    expect(crd.stdout).toContain("condition met");
    const p = await k(["apply", "-f", "-"], { input: SERVER_PLAN });
    expect(p.stdout).toContain("plan.upgrade.cattle.io/k3s-server created");
    const done = await k(["-n", "system-upgrade", "wait", "--for=condition=Complete", "plan/k3s-server", "--timeout=60s"], { timeoutMs: 65_000 });
    expect(done.stdout).toContain("plan.upgrade.cattle.io/k3s-server condition met");
    const plans = await k(["-n", "system-upgrade", "get", "plans"]);
    // The CRD declares its columns, so the apiserver adds no AGE (as for any CRD with columns).
    expect(plans.stdout).toMatch(/^NAME\s+IMAGE\s+CHANNEL\s+VERSION\s+COMPLETE\s+MESSAGE\s*$/m);
    expect(plans.stdout).toMatch(/^k3s-server\s+rancher\/k3s-upgrade\s+v1\.33\.4\+k3s1\s+True\s+/m);
    const nodes = await k(["get", "nodes"]);
    for (const i of [0, 1, 2]) expect(nodes.stdout).toMatch(new RegExp(`^ha-server-${i}\\s+Ready\\s+control-plane,etcd,master\\s+\\S+\\s+v1\\.33\\.4\\+k3s1$`, "m"));
    expect(nodes.stdout).toMatch(/^ha-agent-1\s+Ready\s+<none>\s+\S+\s+v1\.33\.1\+k3s1$/m);
    const v = await k(["version"]);
    expect(v.stdout).toMatch(/Server Version: v1\.33\.4\+k3s1/);
  });

  it("apply --server-side: managedFields, a conflict with another manager, --force-conflicts, diff, server dry runs", async () => {
    const manifest = (image: string, replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ssa, namespace: default, labels: {app: ssa}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ssa}}
  template:
    metadata: {labels: {app: ssa}}
    spec:
      containers: [{name: web, image: "${image}", ports: [{containerPort: 80}]}]
`;
    expect((await k(["apply", "-f", "-"], { input: manifest("nginx:1.27.3", 2) })).stdout).toContain("deployment.apps/ssa created");
    const conflict = await k(["apply", "--server-side", "-f", "-"], { input: manifest("nginx:1.27.3", 4) });
    expect(conflict.code).not.toBe(0);
    expect(conflict.stderr).toContain('Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas');
    expect(conflict.stderr).toContain("--force-conflicts");
    const forced = await k(["apply", "--server-side", "--force-conflicts", "-f", "-"], { input: manifest("nginx:1.27.3", 4) });
    expect(forced.stdout).toContain("deployment.apps/ssa serverside-applied");
    const live = JSON.parse((await k(["-n", "default", "get", "deploy", "ssa", "-o", "json", "--show-managed-fields"])).stdout) as { spec: { replicas: number; progressDeadlineSeconds: number }; metadata: { managedFields: Array<{ manager: string; operation: string; fieldsV1: { "f:spec"?: Record<string, unknown> } }> } };
    expect(live.spec.replicas).toBe(4);
    expect(live.spec.progressDeadlineSeconds).toBe(600);
    const applier = live.metadata.managedFields.find((m) => m.manager === "kubectl" && m.operation === "Apply");
    expect(applier?.fieldsV1["f:spec"]).toMatchObject({ "f:replicas": {}, "f:template": { "f:spec": { "f:containers": { 'k:{"name":"web"}': { ".": {}, "f:image": {}, "f:ports": { 'k:{"containerPort":80,"protocol":"TCP"}': { ".": {} } } } } } } });

    // kubectl diff asks the server for the merged object with dryRun=All: nothing is stored.
    const diff = await k(["diff", "--server-side", "-f", "-"], { input: manifest("nginx:1.28.0", 4) });
    expect(diff.code).toBe(1);
    expect(diff.stdout).toMatch(/^-\s+- image: nginx:1\.27\.3$/m);
    expect(diff.stdout).toMatch(/^\+\s+- image: nginx:1\.28\.0$/m);
    expect((await k(["diff", "--server-side", "-f", "-"], { input: manifest("nginx:1.27.3", 4) })).code).toBe(0);
    const dryDelete = await k(["-n", "default", "delete", "deploy", "ssa", "--dry-run=server"]);
    expect(dryDelete.stdout).toContain("(server dry run)");
    const after = await k(["-n", "default", "get", "deploy", "ssa", "-o", "jsonpath={.spec.template.spec.containers[0].image}"]);
    expect(after.stdout).toBe("nginx:1.27.3");
    const dryScale = await k(["-n", "default", "scale", "deploy", "ssa", "--replicas=1", "--dry-run=server"]);
    expect(dryScale.code).toBe(0);
    expect((await k(["-n", "default", "get", "deploy", "ssa", "-o", "jsonpath={.spec.replicas}"])).stdout).toBe("4");
  });
});

// A cluster reporting v1.33 makes the dispatcher run kubectl.1.33 (which sends the
// access reviews as protobuf). `--as` impersonates through the admin credential
// (system:masters may impersonate anyone).
describe("kubectl against RBAC", () => {
  let sim: Simulator;
  let dir: string;
  let kc: string;
  const k = (args: string[]) => kubectl(kc, args);
  const runner = "--as=system:serviceaccount:team:runner";
  const rbac = `apiVersion: v1
kind: Namespace
metadata: {name: team}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: runner, namespace: team}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: runner-view, namespace: team}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects: [{kind: ServiceAccount, name: runner, namespace: team}]
`;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "sim-kubectl-rbac-"));
    sim = await startSimulator({ clusters: [{ name: "conf133", version: "v1.33.1+k3s1", scenarios: ["k3s"] }], kubeconfigDir: dir });
    kc = sim.clusters[0]?.kubeconfigPath ?? "";
    const applied = await kubectl(kc, ["apply", "-f", "-"], { input: rbac });
    expect(applied.code, applied.stderr).toBe(0);
  });
  afterAll(async () => {
    await sim?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("runs kubectl 1.33", async () => {
    const r = await k(["version"]);
    expect(r.stdout).toMatch(/Client Version: v1\.33\./);
    expect(r.stdout).toMatch(/Server Version: v1\.33\.1\+k3s1/);
  });

  it("a Forbidden list prints the apiserver's message", async () => {
    const r = await k(["get", "secrets", "-n", "team", runner]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Error from server (Forbidden): secrets is forbidden: User "system:serviceaccount:team:runner" cannot list resource "secrets" in API group "" in the namespace "team"');
    const nodes = await k(["get", "nodes", runner]);
    expect(nodes.stderr).toContain('Error from server (Forbidden): nodes is forbidden: User "system:serviceaccount:team:runner" cannot list resource "nodes" in API group "" at the cluster scope');
    expect((await k(["get", "pods", "-n", "team", runner])).code).toBe(0);
  });

  it("auth can-i answers yes and no from the cluster's RBAC", async () => {
    const yes = await k(["auth", "can-i", "list", "pods", "-n", "team", runner]);
    expect(yes.stdout.trim()).toBe("yes");
    expect(yes.code).toBe(0);
    const no = await k(["auth", "can-i", "delete", "pods", "-n", "team", runner]);
    expect(no.stdout.trim()).toBe("no");
    expect(no.code).toBe(1);
    expect((await k(["auth", "can-i", "list", "pods", "-n", "default", runner])).stdout.trim()).toBe("no");
    expect((await k(["auth", "can-i", "delete", "pods", "-A"])).stdout.trim()).toBe("yes");
  });

  it("auth can-i --list shows the rules of the namespace", async () => {
    const r = await k(["auth", "can-i", "--list", "-n", "team", runner]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Resources\s+Non-Resource URLs\s+Resource Names\s+Verbs/);
    expect(r.stdout).toMatch(/\n\s*pods\s+\[\]\s+\[\]\s+\[get list watch\]/);
    expect(r.stdout).toMatch(/selfsubjectaccessreviews\.authorization\.k8s\.io\s+\[\]\s+\[\]\s+\[create\]/);
    expect(r.stdout).toMatch(/\[\/version\]\s+\[\]\s+\[get\]/);
    expect(r.stdout).not.toMatch(/\n\s*secrets\s/);
  });
});
