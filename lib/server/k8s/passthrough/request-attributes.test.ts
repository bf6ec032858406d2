import { describe, expect, it } from "vitest";
import { decodeKubePath, isMutating, requestAttributes, viewerMay } from "./request-attributes";

// As the passthrough does it: WHATWG URL parsing of the raw request, then the path decoded
// like Go's URL.Path before RequestInfoFactory's rules apply.
const attrs = (method: string, url: string) => {
  const u = new URL(url, "https://x");
  const path = decodeKubePath(u.pathname);
  if (path === null) throw new Error(`undecodable ${url}`);
  return requestAttributes(method, path, u.searchParams);
};

describe("kubectl request attributes", () => {
  it.each([
    ["GET", "/api/v1/pods", { verb: "list", resource: "pods", namespace: "" }],
    ["GET", "/api/v1/namespaces/demo/pods?watch=true", { verb: "watch", resource: "pods", namespace: "demo" }],
    ["GET", "/api/v1/namespaces/demo/pods?watch=1", { verb: "watch" }],
    ["GET", "/api/v1/namespaces/demo/pods?watch=yes", { verb: "watch" }],
    ["GET", "/api/v1/namespaces/demo/pods?watch=False", { verb: "list" }],
    ["GET", "/api/v1/watch/namespaces/demo/pods", { verb: "watch", resource: "pods", namespace: "demo" }],
    ["GET", "/api/v1/watch/namespaces/demo/pods/web-1", { verb: "watch", name: "web-1" }],
    ["GET", "/api/v1/namespaces/demo/pods/web-1/log", { verb: "get", resource: "pods", name: "web-1", subresource: "log" }],
    ["POST", "/apis/apps/v1/namespaces/demo/deployments", { verb: "create", group: "apps", resource: "deployments" }],
    ["PATCH", "/apis/apps/v1/namespaces/demo/deployments/web/scale", { verb: "patch", name: "web", subresource: "scale" }],
    ["DELETE", "/api/v1/namespaces/demo/pods", { verb: "deletecollection" }],
    ["GET", "/api/v1/namespaces/demo", { verb: "get", resource: "namespaces", name: "demo", namespace: "demo" }],
    ["PUT", "/api/v1/namespaces/demo/finalize", { verb: "update", resource: "namespaces", name: "demo", subresource: "finalize" }],
    ["GET", "/api/v1/namespaces/demo/status", { verb: "get", resource: "namespaces", name: "demo", subresource: "status" }],
    ["GET", "/version", { verb: "get", resourceRequest: false }],
    ["GET", "/openapi/v3", { verb: "get", resourceRequest: false }],
    ["GET", "/apis/apps/v1", { verb: "get", resourceRequest: false }],
    ["OPTIONS", "/api/v1/pods", { verb: "", resourceRequest: true }],
    // Tricky paths: what the apiserver authorises after decoding, not what the raw text says.
    ["GET", "/api/v1/namespaces/d/pods/x%2Fexec", { verb: "get", name: "x", subresource: "exec" }],
    ["GET", "/api/v1/namespaces/d/pods/x%2fattach?stdin=true", { name: "x", subresource: "attach" }],
    ["GET", "/api/v1/namespaces%2Fd%2Fpods%2Fx%2Fexec", { namespace: "d", resource: "pods", name: "x", subresource: "exec" }],
    ["GET", "/api/v1/namespaces/d/pods/x%2Fportforward", { subresource: "portforward" }],
    ["GET", "/api/v1/namespaces/d/services/s%2Fproxy/", { resource: "services", name: "s", subresource: "proxy" }],
    ["GET", "/api/v1/proxy/namespaces/d/services/s/path", { verb: "proxy", resource: "services", name: "s", subresource: "" }],
    ["GET", "/api/v1/%70ods", { verb: "list", resource: "pods" }],
    ["GET", "/api/v1/namespaces/d/pods/x/log/../exec", { name: "x", subresource: "exec" }],
    ["GET", "/api/v1/namespaces/d/pods/x/log/%2e%2e/exec", { name: "x", subresource: "exec" }],
    ["GET", "/api/v1/namespaces/d/pods/x\\exec", { name: "x", subresource: "exec" }],
    ["GET", "/api/v1//pods/x", { resource: "", name: "pods", subresource: "x" }],
    ["GET", "/api/v1/watch", { verb: "", resourceRequest: true }],
    ["DELETE", "/api/v1/namespaces/d/pods/%20", { verb: "delete", name: " " }],
  ] as const)("%s %s", (method, url, expected) => {
    expect(attrs(method, url)).toMatchObject(expected);
  });

  it("decodes like Go's URL.Path: %2F is a slash, + stays, a malformed escape is refused", () => {
    expect(decodeKubePath("/a%2Fb+c")).toBe("/a/b+c");
    expect(decodeKubePath("/caf%C3%A9")).toBe("/café");
    expect(decodeKubePath("/%zz")).toBeNull();
    expect(decodeKubePath("/x%4")).toBeNull();
    expect(decodeKubePath("/x%")).toBeNull();
    expect(decodeKubePath("/nul%00")).toBe("/nul\0");
  });

  it("lets viewers read, never change, exec, attach, port-forward or proxy", () => {
    expect(viewerMay(attrs("GET", "/api/v1/pods"), false)).toBe(true);
    expect(viewerMay(attrs("GET", "/api/v1/namespaces/d/pods/p/log?follow=true"), false)).toBe(true);
    expect(viewerMay(attrs("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"), false)).toBe(true);
    expect(viewerMay(attrs("POST", "/api/v1/namespaces/d/configmaps"), false)).toBe(false);
    expect(viewerMay(attrs("GET", "/api/v1/namespaces/d/pods/p/exec?command=sh"), true)).toBe(false);
    expect(viewerMay(attrs("GET", "/api/v1/namespaces/d/pods/p/exec?command=sh"), false)).toBe(false);
    expect(viewerMay(attrs("GET", "/api/v1/namespaces/d/pods/p%2Fexec?command=sh"), false)).toBe(false);
    expect(viewerMay(attrs("GET", "/api/v1/namespaces/d/services/s/proxy/"), false)).toBe(false);
    expect(viewerMay(attrs("GET", "/api/v1/proxy/namespaces/d/services/s/"), false)).toBe(false);
    expect(viewerMay(attrs("DELETE", "/api/v1/namespaces/d/pods/p"), false)).toBe(false);
    expect(viewerMay(attrs("OPTIONS", "/api/v1/pods"), false)).toBe(false);
  });

  it("audits changes and shells, not reads or self-reviews", () => {
    expect(isMutating(attrs("GET", "/api/v1/pods"), false)).toBe(false);
    expect(isMutating(attrs("PATCH", "/api/v1/nodes/n"), false)).toBe(true);
    expect(isMutating(attrs("GET", "/api/v1/namespaces/d/pods/p/exec"), true)).toBe(true);
    expect(isMutating(attrs("GET", "/api/v1/namespaces/d/pods/p%2Fexec"), false)).toBe(true);
    expect(isMutating(attrs("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"), false)).toBe(false);
  });
});
