import { describe, expect, it } from "vitest";
import { labelSelectorMatches } from "../explorer/label-selector";
import { bundleYamlError, BUNDLE_ID_LABEL, renderBundle } from "./render-bundle";
import { planWaves } from "./plan-waves";
import { ZBundleRolloutSchema, ZCreateBundleSchema } from "./bundles.schema";
import { valuesForCluster, type TBundleOverride } from "./bundle-values";
import { touchesEdgex } from "./touches-edgex";

const YAML = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg-\${cluster.name}
  namespace: edge
data:
  site: "\${cluster.labels.site}"
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: edge }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx }] }
---
`;

describe("renderBundle", () => {
  it("substitutes cluster values and stamps ownership on objects and pod templates", () => {
    const objs = renderBundle(YAML, { name: "site-1", labels: { site: "berlin" } }, { id: "b1", name: "web" }, 3);
    expect(objs.map((o) => o.ref)).toEqual(["v1|ConfigMap|edge|cfg-site-1", "apps/v1|Deployment|edge|web"]);
    expect(objs[0]!.body).toMatchObject({ data: { site: "berlin" }, metadata: { labels: { [BUNDLE_ID_LABEL]: "b1" }, annotations: { "fleet.outpost.io/revision": "3" } } });
    expect(objs[1]!.body).toMatchObject({ spec: { template: { metadata: { labels: { app: "web", [BUNDLE_ID_LABEL]: "b1" } } } } });
  });

  it("names what is wrong", () => {
    expect(() => renderBundle(YAML, { name: "s", labels: {} }, { id: "b", name: "b" })).toThrow(/no label "site"/);
    expect(bundleYamlError("kind: ClusterRole\napiVersion: rbac.authorization.k8s.io/v1\nmetadata: {name: x}")).toMatch(/cannot be part of a bundle/);
    expect(bundleYamlError("a: [")).toMatch(/document 1/);
    expect(bundleYamlError("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: \"${cluster.secret}\"}")).toMatch(/unknown variable/);
    expect(bundleYamlError("")).toMatch(/no objects/);
    expect(bundleYamlError(YAML)).toBeNull();
  });
});

describe("labelSelectorMatches", () => {
  it("follows apimachinery semantics", () => {
    const l = { env: "prod", region: "eu" };
    expect(labelSelectorMatches("env=prod", l)).toBe(true);
    expect(labelSelectorMatches("env=prod,region in (us,eu)", l)).toBe(true);
    expect(labelSelectorMatches("env!=prod", l)).toBe(false);
    expect(labelSelectorMatches("tier!=db", l)).toBe(true);
    expect(labelSelectorMatches("!canary", l)).toBe(true);
    expect(labelSelectorMatches("region notin (eu)", l)).toBe(false);
    expect(labelSelectorMatches("env=(", l)).toBe(false);
  });
});

describe("planWaves", () => {
  const five = ["e", "d", "c", "b", "a"].map((n) => ({ id: `id-${n}`, name: n }));
  it("first wave of one, then the rest in one batch", () => {
    const w = planWaves(five, ZBundleRolloutSchema.parse({ firstWave: { count: 1 }, batchPercent: 100 }));
    expect([...w.entries()].sort()).toEqual([["id-a", 0], ["id-b", 1], ["id-c", 1], ["id-d", 1], ["id-e", 1]]);
  });
  it("named canaries, then batches of 40%", () => {
    const w = planWaves(five, ZBundleRolloutSchema.parse({ firstWave: { clusterIds: ["id-c"] }, batchPercent: 40 }));
    expect(w.get("id-c")).toBe(0);
    expect([w.get("id-a"), w.get("id-b"), w.get("id-d"), w.get("id-e")]).toEqual([1, 1, 2, 2]);
  });
  it("everything at once without a rollout", () => {
    expect(new Set(planWaves(five, ZBundleRolloutSchema.parse({})).values())).toEqual(new Set([0]));
  });
});

describe("ZCreateBundleSchema", () => {
  it("refuses bad selectors and ambiguous targets with clear messages", () => {
    const bad = ZCreateBundleSchema.safeParse({ name: "x", source: { yaml: YAML }, targets: { clusterSelector: "env in (" } });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toMatch(/not a valid label selector/);
    const both = ZCreateBundleSchema.safeParse({ name: "x", source: { yaml: YAML }, targets: { clusterSelector: "a=b", clusterIds: ["c"] } });
    expect(JSON.stringify(both.error?.issues)).toMatch(/exactly one/);
  });
});

describe("per-cluster values", () => {
  const groups = new Map([["small", { clusterSelector: null, clusterIds: ["c2"] }]]);
  const overrides: TBundleOverride[] = [
    { clusterSelector: "region=eu", values: { tag: "eu" } },
    { group: "small", values: { replicas: 1 } },
    { clusterSelector: "site=oslo", values: { tag: "oslo" } },
  ];
  it("takes the defaults, then every matching override in order (later wins); groups by id", () => {
    expect(valuesForCluster({ tag: "1.0", replicas: 3 }, overrides, { id: "c1", labels: { region: "us" } }, groups)).toEqual({ tag: "1.0", replicas: "3" });
    expect(valuesForCluster({ tag: "1.0", replicas: 3 }, overrides, { id: "c2", labels: { region: "eu", site: "oslo" } }, groups)).toEqual({ tag: "oslo", replicas: "1" });
    expect(valuesForCluster({ tag: "1.0" }, [{ group: "gone", values: { tag: "x" } }], { id: "c2", labels: {} }, groups)).toEqual({ tag: "1.0" });
  });
  it("substitutes ${values.x}; a value the cluster lacks is an error naming it", () => {
    const yaml = "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  replicas: ${values.replicas}\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec: { containers: [{ name: web, image: \"nginx:${values.tag}\" }] }\n";
    const [obj] = renderBundle(yaml, { name: "c", labels: {}, values: { replicas: "2", tag: "1.27" } }, { id: "b", name: "b" });
    expect(obj!.body).toMatchObject({ spec: { replicas: 2, template: { spec: { containers: [{ image: "nginx:1.27" }] } } } });
    expect(() => renderBundle(yaml, { name: "c", labels: {}, values: { tag: "1" } }, { id: "b", name: "b" })).toThrow(/no value "replicas" for cluster c/);
    expect(bundleYamlError(yaml, new Set(["tag"]))).toMatch(/no value "replicas"/);
    expect(bundleYamlError(yaml, new Set(["tag", "replicas"]))).toBeNull();
  });
});

describe("touchesEdgex", () => {
  const render = (yaml: string) => renderBundle(yaml, { name: "c", labels: {} }, { id: "b", name: "b" });
  it("recognises EdgeX by image, service label, name or chart, and nothing else", () => {
    expect(touchesEdgex(render("apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: devices }\nspec:\n  selector: { matchLabels: { a: b } }\n  template:\n    metadata: { labels: { a: b } }\n    spec: { containers: [{ name: d, image: \"edgexfoundry/device-virtual:3.1.1\" }] }\n"))).toBe(true);
    expect(touchesEdgex(render("apiVersion: v1\nkind: ConfigMap\nmetadata: { name: cfg, labels: { org.edgexfoundry.service: device-modbus } }\n"))).toBe(true);
    expect(touchesEdgex(render("apiVersion: helm.cattle.io/v1\nkind: HelmChart\nmetadata: { name: stack, namespace: kube-system }\nspec: { chart: edgex, repo: \"https://example.com\" }\n"))).toBe(true);
    expect(touchesEdgex(render("apiVersion: v1\nkind: ConfigMap\nmetadata: { name: cfg }\ndata: { edgex: \"no\" }\n"))).toBe(false);
  });
});
