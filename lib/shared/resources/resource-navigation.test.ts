import { describe, expect, it } from "vitest";
import { buildNavigation, quickJump } from "./resource-navigation";
import type { TApiResource } from "./resources.schema";

function res(group: string, resource: string, kind: string, extra: Partial<TApiResource> = {}): TApiResource {
  return { group, version: "v1", resource, kind, singular: kind.toLowerCase(), namespaced: true, verbs: ["get", "list", "watch"], shortNames: [], categories: [], preferred: true, otherVersions: [], ...extra };
}

const SERVED: TApiResource[] = [
  res("", "pods", "Pod", { shortNames: ["po"] }),
  res("", "bindings", "Binding", { verbs: ["create"] }),
  res("apps", "deployments", "Deployment", { shortNames: ["deploy"] }),
  res("networking.k8s.io", "ingresses", "Ingress", { shortNames: ["ing"] }),
  res("networking.k8s.io", "ingressclasses", "IngressClass", { namespaced: false }),
  res("traefik.io", "ingressroutes", "IngressRoute", { version: "v1alpha1" }),
  res("helm.cattle.io", "helmcharts", "HelmChart"),
  res("helm.cattle.io", "helmchartconfigs", "HelmChartConfig"),
  res("devices.kubeedge.io", "devices", "Device", { version: "v1beta1" }),
  res("devices.kubeedge.io", "devicemodels", "DeviceModel", { version: "v1beta1" }),
  res("autoscaling", "horizontalpodautoscalers", "HorizontalPodAutoscaler", { version: "v2", shortNames: ["hpa"] }),
  res("autoscaling", "horizontalpodautoscalers", "HorizontalPodAutoscaler", { version: "v1", preferred: false }),
  res("authorization.k8s.io", "selfsubjectaccessreviews", "SelfSubjectAccessReview", { verbs: ["create"] }),
];

describe("resource navigation", () => {
  it("groups built-ins by what operators look for and custom resources by API group", () => {
    const nav = buildNavigation(SERVED);
    expect(nav.sections.map((s) => [s.section, s.resources.map((r) => r.resource)])).toEqual([
      ["workloads", ["deployments", "horizontalpodautoscalers", "pods"]],
      ["serviceDiscovery", ["ingresses", "ingressclasses"]],
    ]);
    expect(nav.custom.map((c) => [c.group, c.resources.map((r) => r.resource)])).toEqual([
      ["devices.kubeedge.io", ["devices", "devicemodels"]],
      ["helm.cattle.io", ["helmcharts", "helmchartconfigs"]],
      ["traefik.io", ["ingressroutes"]],
    ]);
    // One entry per resource: the preferred version only; unlistable resources are left out.
    expect(nav.sections.flatMap((s) => s.resources).filter((r) => r.resource === "horizontalpodautoscalers")).toHaveLength(1);
  });

  it("quick-jumps by prefix, short name and kind", () => {
    expect(quickJump(SERVED, "ingr").map((r) => r.resource)).toEqual(["ingresses", "ingressclasses", "ingressroutes"]);
    expect(quickJump(SERVED, "helmch").map((r) => r.resource)).toEqual(["helmcharts", "helmchartconfigs"]);
    expect(quickJump(SERVED, "device")[0]?.resource).toBe("devices");
    expect(quickJump(SERVED, "hpa").map((r) => `${r.resource}/${r.version}`)).toEqual(["horizontalpodautoscalers/v2"]);
    expect(quickJump(SERVED, "po")[0]?.resource).toBe("pods");
    expect(quickJump(SERVED, "  ")).toEqual([]);
    expect(quickJump(SERVED, "selfsubject")).toEqual([]);
  });
});
