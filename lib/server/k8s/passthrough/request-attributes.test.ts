import { describe, expect, it } from "vitest";
import { isMutating, requestAttributes, viewerMay } from "./request-attributes";

const attrs = (method: string, url: string) => {
  const u = new URL(url, "https://x");
  return requestAttributes(method, u.pathname, u.searchParams);
};

describe("kubectl request attributes", () => {
  it.each([
    ["GET", "/api/v1/pods", { verb: "list", resource: "pods", namespace: "" }],
    ["GET", "/api/v1/namespaces/demo/pods?watch=true", { verb: "watch", resource: "pods", namespace: "demo" }],
    ["GET", "/api/v1/watch/namespaces/demo/pods", { verb: "watch", resource: "pods", namespace: "demo" }],
    ["GET", "/api/v1/namespaces/demo/pods/web-1/log", { verb: "get", resource: "pods", name: "web-1", subresource: "log" }],
    ["POST", "/apis/apps/v1/namespaces/demo/deployments", { verb: "create", group: "apps", resource: "deployments" }],
    ["PATCH", "/apis/apps/v1/namespaces/demo/deployments/web/scale", { verb: "patch", name: "web", subresource: "scale" }],
    ["DELETE", "/api/v1/namespaces/demo/pods", { verb: "deletecollection" }],
    ["GET", "/api/v1/namespaces/demo", { verb: "get", resource: "namespaces", name: "demo", namespace: "demo" }],
    ["GET", "/version", { verb: "get", resourceRequest: false }],
    ["GET", "/openapi/v3", { verb: "get", resourceRequest: false }],
  ] as const)("%s %s", (method, url, expected) => {
    expect(attrs(method, url)).toMatchObject(expected);
  });

  it("lets viewers read, never change, exec, attach, port-forward or proxy", () => {
    expect(viewerMay(attrs("GET", "/api/v1/pods"), false)).toBe(true);
    expect(viewerMay(attrs("GET", "/api/v1/namespaces/d/pods/p/log?follow=true"), false)).toBe(true);
    expect(viewerMay(attrs("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"), false)).toBe(true);
    expect(viewerMay(attrs("POST", "/api/v1/namespaces/d/configmaps"), false)).toBe(false);
    expect(viewerMay(attrs("GET", "/api/v1/namespaces/d/pods/p/exec?command=sh"), true)).toBe(false);
    expect(viewerMay(attrs("GET", "/api/v1/namespaces/d/pods/p/exec?command=sh"), false)).toBe(false);
    expect(viewerMay(attrs("GET", "/api/v1/namespaces/d/services/s/proxy/"), false)).toBe(false);
    expect(viewerMay(attrs("DELETE", "/api/v1/namespaces/d/pods/p"), false)).toBe(false);
  });

  it("audits changes and shells, not reads or self-reviews", () => {
    expect(isMutating(attrs("GET", "/api/v1/pods"), false)).toBe(false);
    expect(isMutating(attrs("PATCH", "/api/v1/nodes/n"), false)).toBe(true);
    expect(isMutating(attrs("GET", "/api/v1/namespaces/d/pods/p/exec"), true)).toBe(true);
    expect(isMutating(attrs("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"), false)).toBe(false);
  });
});
