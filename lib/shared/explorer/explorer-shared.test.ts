import { describe, expect, it } from "vitest";
import { FIXTURE_NOW, listFixtures, loadFixture } from "../kube/__fixtures__/load-fixture";
import { labelSelectorError } from "./label-selector";
import { compareSortValues, rowOf, sortRows, sortValue } from "./resource-rows";
import { resourceOfKind, resourcePath } from "./resources";
import { slimObject } from "./slim-object";

describe("label selectors", () => {
  it.each(["", "app=web", "app==web", "tier!=db", "env in (prod, staging)", "env notin (dev)", "!canary", "release", "example.com/site=berlin,app=web", "replicas>2"])("accepts %j", (s) => {
    expect(labelSelectorError(s)).toBeNull();
  });
  it.each(["app===web(", "app=we b", "env in ()", "env in (a", "=web", "app=web,", "Bad Key=x", "replicas>two"])("rejects %j", (s) => {
    expect(labelSelectorError(s)).not.toBeNull();
  });
});

describe("resource paths", () => {
  it("builds core, group, namespaced and cluster-scoped paths", () => {
    expect(resourcePath("pods")).toBe("/api/v1/pods");
    expect(resourcePath("pods", { namespace: "demo", name: "web-1", subresource: "log" })).toBe("/api/v1/namespaces/demo/pods/web-1/log");
    expect(resourcePath("deployments", { namespace: "demo" })).toBe("/apis/apps/v1/namespaces/demo/deployments");
    expect(resourcePath("nodes", { namespace: "ignored", name: "n1" })).toBe("/api/v1/nodes/n1");
    expect(resourceOfKind("ReplicaSet")).toBe("replicasets");
    expect(resourceOfKind("Widget")).toBeUndefined();
  });
});

describe("slim objects keep what kubectl's columns read", () => {
  const now = FIXTURE_NOW;
  it.each(listFixtures("pods"))("pod %s prints the same row slimmed", (name) => {
    const pod = loadFixture<Record<string, unknown>>(`pods/${name}.json`);
    expect(rowOf("pods", slimObject("pods", pod), now)).toEqual(rowOf("pods", pod, now));
    expect(JSON.stringify(slimObject("pods", pod)).length).toBeLessThanOrEqual(JSON.stringify(pod).length);
  });
  it.each(listFixtures("nodes"))("node %s prints the same row slimmed", (name) => {
    const node = loadFixture<Record<string, unknown>>(`nodes/${name}.json`);
    expect(rowOf("nodes", slimObject("nodes", node), now)).toEqual(rowOf("nodes", node, now));
  });
  it("blanks Secret and ConfigMap values but keeps their keys", () => {
    const secret = slimObject("secrets", { kind: "Secret", metadata: { name: "s", managedFields: [{}] }, data: { password: "c2VjcmV0" }, type: "Opaque" });
    expect(secret.data).toEqual({ password: "" });
    expect(secret.metadata).not.toHaveProperty("managedFields");
    expect(rowOf("secrets", secret, now)).toMatchObject({ data: 1, type: "Opaque" });
    const cm = slimObject("configmaps", { metadata: { name: "c" }, data: { a: "1", b: "2" }, binaryData: { c: "AA==" } });
    expect(rowOf("configmaps", cm, now)).toMatchObject({ data: 3 });
    expect(JSON.stringify(cm)).not.toContain("AA==");
  });
});

describe("sorting", () => {
  it("sorts AGE by time, RESTARTS numerically and names naturally", () => {
    const older = { metadata: { creationTimestamp: "2026-11-01T00:00:00Z" } };
    const newer = { metadata: { creationTimestamp: "2026-11-26T00:00:00Z" } };
    expect(compareSortValues(sortValue("age", {}, older), sortValue("age", {}, newer))).toBeGreaterThan(0);
    expect(compareSortValues(sortValue("restarts", { restarts: "12 (2m ago)" }, {}), sortValue("restarts", { restarts: "3" }, {}))).toBeGreaterThan(0);
    expect(compareSortValues("web-10", "web-9")).toBeGreaterThan(0);
  });

  it("lists events newest first under LAST SEEN ▼ (the events tab's default) and youngest first under AGE ▲", () => {
    const ev = (name: string, lastTimestamp: string) => ({ row: { name }, object: { metadata: { name, creationTimestamp: lastTimestamp }, lastTimestamp } });
    const rows = [ev("old", "2026-11-01T00:00:00Z"), ev("newest", "2026-11-26T10:00:00Z"), ev("mid", "2026-11-20T00:00:00Z")];
    expect(sortRows(rows, { key: "lastSeen", dir: "desc" }).map((r) => r.row.name)).toEqual(["newest", "mid", "old"]);
    expect(sortRows(rows, { key: "lastSeen", dir: "asc" }).map((r) => r.row.name)).toEqual(["old", "mid", "newest"]);
    expect(sortRows(rows, { key: "age", dir: "asc" }).map((r) => r.row.name)).toEqual(["newest", "mid", "old"]);
  });
});
