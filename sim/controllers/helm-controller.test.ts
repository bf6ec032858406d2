import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type SimClusterInternal } from "../index";
import type { KubeObject } from "../store/kube-types";
import { raw } from "../test/raw-request";
import { waitForStore } from "../test/wait-for-store";
import { decodeRelease } from "./helm-release";

// k3s's helm-controller in the simulator, driven through the API: HelmChart → helm-install
// Job → klipper-helm → release Secrets and chart workloads; upgrades, HelmChartConfig,
// failures and uninstall.

describe("helm-controller", () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let c: SimClusterInternal;
  const get = (storage: string, ns: string | undefined, name: string): KubeObject | undefined => c.state.store.get(storage, ns, name);
  const jobDone = (ns: string, name: string, type: "Complete" | "Failed") => () => {
    const j = get("batch/jobs", ns, name);
    return ((j?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).some((x) => x.type === type && x.status === "True") ? j : undefined;
  };
  const release = (ns: string, name: string, v: number) => () => {
    const s = get("/secrets", ns, `sh.helm.release.v1.${name}.v${v}`);
    return s ? { secret: s, release: decodeRelease(s) } : undefined;
  };
  const chart = (name: string, spec: Record<string, unknown>): string => JSON.stringify({ apiVersion: "helm.cattle.io/v1", kind: "HelmChart", metadata: { name, namespace: "kube-system" }, spec });
  const post = async (path: string, body: string): Promise<void> => {
    const r = await raw(c, "POST", path, body);
    expect(r.status, r.text).toBe(201);
  };

  beforeAll(async () => {
    sim = await startSimulator({ clusters: [{ name: "helm", scenarios: ["k3s"] }], podStartMs: 40, crashLoopBaseMs: 100 });
    c = sim.clusters[0] as SimClusterInternal;
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it("k3s ships the traefik charts as HelmCharts with their releases", () => {
    const traefik = get("helm.cattle.io/helmcharts", "kube-system", "traefik");
    expect(traefik?.status).toMatchObject({ jobName: "helm-install-traefik", conditions: [{ type: "JobCreated", status: "True" }, { type: "Failed", status: "False" }] });
    expect(traefik?.metadata.finalizers).toEqual(["wrangler.cattle.io/on-helm-chart-remove"]);
    const rel = get("/secrets", "kube-system", "sh.helm.release.v1.traefik.v1");
    expect(rel?.type).toBe("helm.sh/release.v1");
    expect(rel?.metadata.labels).toMatchObject({ owner: "helm", name: "traefik", status: "deployed", version: "1" });
    expect(decodeRelease(rel as KubeObject)?.chart.metadata).toMatchObject({ name: "traefik", version: "27.0.201+up27.0.2" });
    expect(get("rbac.authorization.k8s.io/clusterrolebindings", undefined, "helm-kube-system-traefik")?.roleRef).toMatchObject({ kind: "ClusterRole", name: "cluster-admin" });
  });

  it("installs nginx, upgrades on values and HelmChartConfig changes, then uninstalls", async () => {
    await post("/apis/helm.cattle.io/v1/namespaces/kube-system/helmcharts", chart("shop", { chart: "nginx", repo: "https://charts.example.com", targetNamespace: "shop", createNamespace: true, valuesContent: "replicaCount: 2\n" }));
    await waitForStore(c.state, "helm-install-shop Complete", jobDone("kube-system", "helm-install-shop", "Complete"));
    const v1 = await waitForStore(c.state, "release v1", release("shop", "shop", 1));
    expect(v1.secret.metadata.labels).toMatchObject({ owner: "helm", name: "shop", status: "deployed", version: "1" });
    expect(v1.release?.info.description).toBe("Install complete");
    const dep = get("apps/deployments", "shop", "shop-nginx");
    expect(dep?.spec).toMatchObject({ replicas: 2 });
    expect(dep?.metadata.annotations).toMatchObject({ "meta.helm.sh/release-name": "shop", "meta.helm.sh/release-namespace": "shop" });
    const job = get("batch/jobs", "kube-system", "helm-install-shop");
    expect((job?.spec as { template: { spec: { containers: { image: string; args: string[] }[] } } }).template.spec.containers[0]).toMatchObject({ image: "rancher/klipper-helm:v0.9.3-build20241008", args: ["install", "--namespace", "shop", "--create-namespace"] });

    const patch = (path: string, body: unknown) => raw(c, "PATCH", path, JSON.stringify(body), { "Content-Type": "application/merge-patch+json" });
    expect((await patch("/apis/helm.cattle.io/v1/namespaces/kube-system/helmcharts/shop", { spec: { valuesContent: "replicaCount: 3\n" } })).status).toBe(200);
    const v2 = await waitForStore(c.state, "release v2", release("shop", "shop", 2));
    expect(v2.release?.info).toMatchObject({ status: "deployed", description: "Upgrade complete" });
    expect(get("/secrets", "shop", "sh.helm.release.v1.shop.v1")?.metadata.labels?.status).toBe("superseded");
    expect(get("apps/deployments", "shop", "shop-nginx")?.spec).toMatchObject({ replicas: 3 });

    await post("/apis/helm.cattle.io/v1/namespaces/kube-system/helmchartconfigs", JSON.stringify({ apiVersion: "helm.cattle.io/v1", kind: "HelmChartConfig", metadata: { name: "shop", namespace: "kube-system" }, spec: { valuesContent: "replicaCount: 1\nimage:\n  tag: \"1.27.5\"\n" } }));
    const v3 = await waitForStore(c.state, "release v3", release("shop", "shop", 3));
    expect(v3.release?.config).toEqual({ replicaCount: 1, image: { tag: "1.27.5" } });
    const d3 = get("apps/deployments", "shop", "shop-nginx")?.spec as { replicas: number; template: { spec: { containers: { image: string }[] } } };
    expect(d3.replicas).toBe(1);
    expect(d3.template.spec.containers[0]?.image).toBe("nginx:1.27.5");

    expect((await raw(c, "DELETE", "/apis/helm.cattle.io/v1/namespaces/kube-system/helmcharts/shop")).status).toBe(200);
    await waitForStore(c.state, "helm-delete-shop Job", () => get("batch/jobs", "kube-system", "helm-delete-shop"));
    await waitForStore(c.state, "HelmChart shop gone", () => !get("helm.cattle.io/helmcharts", "kube-system", "shop"));
    expect(get("apps/deployments", "shop", "shop-nginx")).toBeUndefined();
    expect(c.state.store.list("/secrets", "shop").filter((s) => s.metadata.labels?.owner === "helm")).toEqual([]);
    for (const [storage, ns, name] of [["batch/jobs", "kube-system", "helm-delete-shop"], ["/serviceaccounts", "kube-system", "helm-shop"], ["/secrets", "kube-system", "chart-values-shop"], ["rbac.authorization.k8s.io/clusterrolebindings", undefined, "helm-kube-system-shop"]] as const) {
      expect(get(storage, ns, name), `${storage} ${name}`).toBeUndefined();
    }
  });

  it("a chart that always fails leaves its Job Failed and the HelmChart Failed", async () => {
    await post("/apis/helm.cattle.io/v1/namespaces/kube-system/helmcharts", chart("broken", { chart: "always-fails", backOffLimit: 1 }));
    await waitForStore(c.state, "helm-install-broken Failed", jobDone("kube-system", "helm-install-broken", "Failed"));
    const hc = await waitForStore(c.state, "HelmChart Failed=True", () => {
      const o = get("helm.cattle.io/helmcharts", "kube-system", "broken");
      return ((o?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).some((x) => x.type === "Failed" && x.status === "True") ? o : undefined;
    });
    expect(hc.status).toMatchObject({ jobName: "helm-install-broken", conditions: [{ type: "JobCreated", status: "True" }, { type: "Failed", status: "True", reason: "Job failed" }] });
    expect(get("/secrets", "kube-system", "sh.helm.release.v1.broken.v1")?.metadata.labels?.status).toBe("failed");
  });

  it("an unknown chart installs as a release without workloads; a missing namespace fails", async () => {
    await post("/apis/helm.cattle.io/v1/namespaces/kube-system/helmcharts", chart("mystery", { chart: "oci://registry.example.com/charts/mystery", version: "2.4.0" }));
    const rel = await waitForStore(c.state, "release mystery v1", release("kube-system", "mystery", 1));
    expect(rel.release?.chart.metadata).toMatchObject({ name: "mystery", version: "2.4.0" });
    expect(rel.release?.manifest).toBe("");
    await post("/apis/helm.cattle.io/v1/namespaces/kube-system/helmcharts", chart("nowhere", { chart: "nginx", targetNamespace: "does-not-exist", backOffLimit: 0 }));
    await waitForStore(c.state, "helm-install-nowhere Failed", jobDone("kube-system", "helm-install-nowhere", "Failed"));
    expect(get("/namespaces", undefined, "does-not-exist")).toBeUndefined();
  });

  it("the EdgeX chart creates EdgeX services behind the service proxy", async () => {
    await post("/apis/helm.cattle.io/v1/namespaces/kube-system/helmcharts", chart("edgex", { chart: "edgex", version: "3.1.1", targetNamespace: "iot", createNamespace: true }));
    await waitForStore(c.state, "helm-install-edgex Complete", jobDone("kube-system", "helm-install-edgex", "Complete"));
    expect(get("apps/deployments", "iot", "edgex-core-data")?.metadata.labels).toMatchObject({ "app.kubernetes.io/managed-by": "Helm", "org.edgexfoundry.service": "core-data" });
    const ping = await raw(c, "GET", "/api/v1/namespaces/iot/services/edgex-core-data:59880/proxy/api/v3/ping");
    expect(ping.status).toBe(200);
    expect(ping.json).toMatchObject({ apiVersion: "v3" });
  });
});
