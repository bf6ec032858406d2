import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type SimClusterInternal, type Simulator } from "./index";
import { raw } from "./test/raw-request";
import { kubectl } from "./test/run-kubectl";

type List = { items: { metadata: { name: string; namespace?: string } }[] };
const names = (l: unknown): string[] => (l as List).items.map((i) => i.metadata.name);

describe("fieldSelector: only the field labels kube-apiserver converts for each kind", () => {
  let sim: Simulator & { clusters: SimClusterInternal[] };
  let c: SimClusterInternal;
  let dir = "";
  const get = (path: string, fs: string) => raw(c, "GET", `${path}${path.includes("?") ? "&" : "?"}fieldSelector=${encodeURIComponent(fs)}`);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sim-fields-"));
    sim = await startSimulator({ clusters: [{ name: "fields", scenarios: ["k3s", "demo"] }], kubeconfigDir: dir });
    c = sim.clusters[0] as SimClusterInternal;
  });
  afterAll(async () => {
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("answers 400 BadRequest in the apiserver's words for an unsupported label", async () => {
    const cases: [string, string, string][] = [
      ["/api/v1/pods", "spec.foo=x", "field label not supported: spec.foo"],
      ["/api/v1/nodes", "metadata.namespace=x", "field label not supported: metadata.namespace"],
      ["/api/v1/namespaces", "spec.finalizers=x", "field label not supported: spec.finalizers"],
      ["/api/v1/secrets", "data.x=y", "field label not supported: data.x"],
      ["/api/v1/events", "message=x", "field label not supported: message"],
      ["/apis/events.k8s.io/v1/events", "involvedObject.name=x", "field label not supported: involvedObject.name"],
      ["/apis/batch/v1/jobs", "status.succeeded=1", 'field label "status.succeeded" not supported for batchv1.Job'],
      // apps/v1 registers no conversion: the default one refuses even status.replicas (kubernetes#135136).
      ["/apis/apps/v1/replicasets", "status.replicas=0", '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"'],
      ["/apis/networking.k8s.io/v1/ingresses", "foo.bar=baz", '"foo.bar" is not a known field selector: only "metadata.name", "metadata.namespace"'],
      ["/api/v1/configmaps", "metadata.name!=a,data.k=v", '"data.k" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ];
    for (const [path, fs, message] of cases) {
      const r = await get(path, fs);
      expect({ path, status: r.status, json: r.json }).toMatchObject({ path, status: 400, json: { kind: "Status", reason: "BadRequest", code: 400, message } });
    }
    // watch and deletecollection convert the same way
    expect((await get("/api/v1/pods?watch=1", "spec.foo=x")).json).toMatchObject({ code: 400, message: "field label not supported: spec.foo" });
    expect((await raw(c, "DELETE", `/api/v1/namespaces/demo/pods?fieldSelector=${encodeURIComponent("spec.foo=x")}`)).status).toBe(400);
  });

  it("filters on every supported label with the registry's values (booleans, counts, event sources)", async () => {
    const pods = (await raw(c, "GET", "/api/v1/namespaces/demo/pods")).json as { items: { metadata: { name: string }; spec: { nodeName?: string; restartPolicy?: string }; status: { phase?: string } }[] };
    const first = pods.items[0]!;
    expect(names((await get("/api/v1/pods", `spec.nodeName=${first.spec.nodeName ?? ""}`)).json)).toContain(first.metadata.name);
    expect(names((await get("/api/v1/pods", "spec.host=nowhere")).json)).toEqual([]);
    expect(names((await get("/api/v1/namespaces/demo/pods", "spec.hostNetwork=false")).json).length).toBe(pods.items.length);
    expect(names((await get("/api/v1/namespaces/demo/pods", "status.phase!=Running,spec.restartPolicy=Always")).json)).toEqual(pods.items.filter((p) => p.status.phase !== "Running" && p.spec.restartPolicy === "Always").map((p) => p.metadata.name));
    expect(names((await get("/api/v1/nodes", "spec.unschedulable=false")).json).length).toBeGreaterThan(0);
    expect(names((await get("/api/v1/nodes", "spec.unschedulable=true")).json)).toEqual([]);
    expect(names((await get("/api/v1/namespaces", "status.phase=Active")).json)).toContain("demo");
    expect(names((await get("/api/v1/secrets", "type=kubernetes.io/service-account-token")).json).every((n) => typeof n === "string")).toBe(true);
    expect((await get("/apis/batch/v1/jobs", "status.successful=0")).status).toBe(200);
    expect((await get("/api/v1/services", "spec.type=ClusterIP")).status).toBe(200);
    expect((await get("/apis/apps/v1/deployments", "metadata.namespace=demo")).status).toBe(200);
    const ev = await get("/apis/events.k8s.io/v1/events", "regarding.kind=Pod,reportingController!=x");
    expect(ev.status).toBe(200);
    expect((await get("/api/v1/events", "involvedObject.kind=Pod,source=kubelet")).status).toBe(200);
  });

  it("custom resources accept metadata.name, metadata.namespace when namespaced, and the CRD's selectableFields", async () => {
    const crd = {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "widgets.example.com" },
      spec: {
        group: "example.com",
        scope: "Namespaced",
        names: { plural: "widgets", singular: "widget", kind: "Widget" },
        versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } }, selectableFields: [{ jsonPath: ".spec.color" }] }],
      },
    };
    expect((await raw(c, "POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", JSON.stringify(crd))).status).toBe(201);
    for (const [n, color] of [["a", "red"], ["b", "blue"]] as const) {
      expect((await raw(c, "POST", "/apis/example.com/v1/namespaces/demo/widgets", JSON.stringify({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: n }, spec: { color, size: 3 } }))).status).toBe(201);
    }
    expect(names((await get("/apis/example.com/v1/widgets", "spec.color=blue")).json)).toEqual(["b"]);
    expect(names((await get("/apis/example.com/v1/widgets", "metadata.namespace=demo,metadata.name=a")).json)).toEqual(["a"]);
    expect((await get("/apis/example.com/v1/widgets", "spec.size=3")).json).toMatchObject({ code: 400, message: "field label not supported: spec.size" });
  });

  it("kubectl prints the apiserver's refusal", async () => {
    const r = await kubectl(c.kubeconfigPath ?? "", ["get", "rs", "-A", "--field-selector", "status.replicas=0"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"');
    const ok = await kubectl(c.kubeconfigPath ?? "", ["get", "pods", "-n", "demo", "--field-selector", "status.phase=Running", "-o", "name"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("pod/");
  });
});
