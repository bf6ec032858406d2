import { describe, expect, it } from "vitest";
import { RouteLabeler, templateOf } from "./route-label";

describe("templateOf", () => {
  it("turns Next app paths into label templates", () => {
    expect(templateOf("/(console)/clusters/[id]/page")?.label).toBe("/clusters/:id");
    expect(templateOf("/api/v1/clusters/[id]/pods/[namespace]/[name]/route")?.label).toBe("/api/v1/clusters/:id/pods/:namespace/:name");
    expect(templateOf("/k8s/clusters/[id]/[...path]/route")?.label).toBe("/k8s/clusters/:id/*");
    expect(templateOf("/(console)/layout")).toBeUndefined();
  });
});

describe("RouteLabeler", () => {
  const labeler = new RouteLabeler([
    "/(console)/clusters/[id]/page",
    "/(console)/clusters/new/page",
    "/api/v1/clusters/[id]/route",
    "/api/v1/clusters/route",
    "/(console)/page",
  ]);

  it("labels ids and names with the route's parameter names", () => {
    expect(labeler.label("/clusters/ckx0abc123def456ghi789jkl")).toBe("/clusters/:id");
    expect(labeler.label("/api/v1/clusters/any-name-at-all")).toBe("/api/v1/clusters/:id");
    expect(labeler.label("/api/v1/clusters")).toBe("/api/v1/clusters");
    expect(labeler.label("/")).toBe("/");
  });

  it("prefers static segments over parameters", () => {
    expect(labeler.label("/clusters/new")).toBe("/clusters/new");
  });

  it("keeps raw routes and assets to one label each", () => {
    expect(labeler.label("/k8s/clusters/abc/api/v1/namespaces/default/pods")).toBe("/k8s/clusters/:id/*");
    expect(labeler.label("/_next/static/chunks/app.js")).toBe("/_next/*");
    expect(labeler.label("/metrics")).toBe("/metrics");
  });

  it("labels every unknown path 'unmatched', so probing cannot grow the label set", () => {
    const labels = new Set(Array.from({ length: 50 }, (_, i) => labeler.label(`/probe-${i}/x`)));
    expect([...labels]).toEqual(["unmatched"]);
  });
});
