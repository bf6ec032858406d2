import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type SimClusterInternal, type Simulator } from "./index";
import { raw } from "./test/raw-request";

describe("API errors are Kubernetes Status objects; bad input never crashes the server", () => {
  let sim: Simulator & { clusters: SimClusterInternal[] };
  let c: SimClusterInternal;
  beforeAll(async () => {
    sim = await startSimulator({ clusters: [{ name: "bad", scenarios: ["k3s"] }], historySize: 32 });
    c = sim.clusters[0] as SimClusterInternal;
  });
  afterAll(async () => sim?.stop());

  it("401 for a bad token, 404 for unknown resources and objects", async () => {
    const r = await raw(c, "GET", "/api/v1/pods", undefined, { Authorization: "Bearer nope" });
    expect(r.status).toBe(401);
    expect(r.json).toMatchObject({ kind: "Status", reason: "Unauthorized", code: 401 });
    expect((await raw(c, "GET", "/api/v1/widgets")).json).toMatchObject({ reason: "NotFound", code: 404 });
    expect((await raw(c, "GET", "/api/v1/namespaces/default/pods/ghost")).json).toMatchObject({ reason: "NotFound", message: 'pods "ghost" not found', details: { name: "ghost", kind: "pods" } });
  });

  it("422 Invalid with field causes; 409 AlreadyExists and Conflict", async () => {
    const bad = await raw(c, "POST", "/api/v1/namespaces/default/pods", JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name: "Bad_Name" }, spec: { containers: [] } }));
    expect(bad.status).toBe(422);
    const causes = (bad.json as { details: { causes: { field: string; reason: string }[] } }).details.causes;
    expect(causes).toContainEqual(expect.objectContaining({ field: "metadata.name", reason: "FieldValueInvalid" }));
    expect(causes).toContainEqual(expect.objectContaining({ field: "spec.containers", reason: "FieldValueRequired" }));
    const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c1" }, data: { a: "1" } };
    const created = await raw(c, "POST", "/api/v1/namespaces/default/configmaps", JSON.stringify(cm));
    expect(created.status).toBe(201);
    expect((await raw(c, "POST", "/api/v1/namespaces/default/configmaps", JSON.stringify(cm))).json).toMatchObject({ reason: "AlreadyExists", code: 409 });
    const stale = { ...cm, metadata: { name: "c1", resourceVersion: "1" } };
    expect((await raw(c, "PUT", "/api/v1/namespaces/default/configmaps/c1", JSON.stringify(stale))).json).toMatchObject({ reason: "Conflict", code: 409 });
    const patched = await raw(c, "PATCH", "/api/v1/namespaces/default/configmaps/c1", JSON.stringify([{ op: "add", path: "/data/b", value: "2" }]), { "Content-Type": "application/json-patch+json" });
    expect(patched.json).toMatchObject({ data: { a: "1", b: "2" } });
  });

  it("413 for bodies over 3 MiB", async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 10, "a");
    const r = await raw(c, "POST", "/api/v1/namespaces/default/configmaps", big);
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ reason: "RequestEntityTooLarge" });
  });

  it("watch from a compacted resourceVersion answers ERROR 410 Expired", async () => {
    for (let i = 0; i < 40; i++) await raw(c, "POST", "/api/v1/namespaces/default/configmaps", JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: `churn-${i}` } }));
    const r = await raw(c, "GET", "/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=5");
    const ev = JSON.parse(r.text.trim().split("\n")[0] ?? "{}") as { type: string; object: { code: number; reason: string } };
    expect(ev.type).toBe("ERROR");
    expect(ev.object).toMatchObject({ code: 410, reason: "Expired" });
  });

  it("survives a few hundred random and malformed requests, then still serves", async () => {
    let seed = 42;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const paths = ["/api/v1/namespaces/default/pods", "/api/v1/namespaces/default/configmaps/c1", "/apis/apps/v1/namespaces/default/deployments", "/api/v1/nodes/x/status", "/apis/apps/v1/namespaces/default/deployments/d/scale", "/api/v1/namespaces/%zz/pods", "/apis/x/y/z", "/api/v1/namespaces/default/services/s:1/proxy/a"];
    const bodies = ["", "{", "null", "[]", "42", '{"metadata":7}', '{"kind":"Pod","metadata":{"name":{}}}', '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x","labels":"no"},"spec":{"containers":[{"name":1}]}}', '[{"op":"remove","path":"/nope"}]', '{"spec":{"replicas":-1}}'];
    const types = ["application/json", "application/merge-patch+json", "application/strategic-merge-patch+json", "application/json-patch+json", "application/apply-patch+yaml", "text/plain"];
    const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];
    let serverErrors = 0;
    for (let i = 0; i < 300; i++) {
      const pick = <T,>(a: T[]): T => a[Math.floor(rnd() * a.length)] as T;
      let body = pick(bodies);
      if (rnd() < 0.3) body = Buffer.from(Array.from({ length: 64 }, () => Math.floor(rnd() * 256))).toString("latin1");
      const r = await raw(c, pick(methods), pick(paths) + (rnd() < 0.2 ? "?labelSelector=a%20in%20(" : ""), body, { "Content-Type": pick(types) });
      if (r.status >= 500) serverErrors++;
      expect(r.status).toBeGreaterThanOrEqual(200);
    }
    expect(serverErrors).toBe(0);
    const ok = await raw(c, "GET", "/api/v1/namespaces/kube-system/pods");
    expect(ok.status).toBe(200);
    expect((ok.json as { items: unknown[] }).items.length).toBeGreaterThan(3);
  });

  it("impersonation is honoured and visible in the audit trail", async () => {
    const r = await raw(c, "POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews", JSON.stringify({ apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" }), { "Impersonate-User": "alice", "Impersonate-Group": "ops" });
    expect(r.json).toMatchObject({ status: { userInfo: { username: "alice", groups: ["ops", "system:authenticated"] } } });
    const entry = c.audit().find((e) => e.impersonatedUser === "alice");
    expect(entry).toMatchObject({ user: "system:admin", impersonatedGroups: ["ops", "system:authenticated"], verb: "create", resource: "selfsubjectreviews", code: 201 });
  });

  it("admin endpoint switches faults: errorRate answers the chosen code", async () => {
    const set = await fetch(`${sim.adminUrl}/clusters/bad/faults`, { method: "POST", body: JSON.stringify({ errorRate: 1, errorCodes: [429] }) });
    expect(set.status).toBe(200);
    const r = await raw(c, "GET", "/api/v1/pods");
    expect(r.status).toBe(429);
    expect(r.json).toMatchObject({ reason: "TooManyRequests" });
    expect((await fetch(`${sim.adminUrl}/clusters/bad/faults`, { method: "POST", body: JSON.stringify({ errorRate: 7 }) })).status).toBe(422);
    await fetch(`${sim.adminUrl}/clusters/bad/faults`, { method: "POST", body: "{}" });
    expect((await raw(c, "GET", "/api/v1/pods")).status).toBe(200);
  });
});
