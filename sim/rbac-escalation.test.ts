import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type SimClusterInternal, type Simulator } from "./index";
import { raw } from "./test/raw-request";
import { kubectl } from "./test/run-kubectl";

const RBAC = "/apis/rbac.authorization.k8s.io/v1";
const ref = (kind: string, name: string) => ({ apiGroup: "rbac.authorization.k8s.io", kind, name });
const DEV = 'user "system:serviceaccount:demo:dev" (groups=["system:serviceaccounts" "system:serviceaccounts:demo" "system:authenticated"]) is attempting to grant RBAC permissions not currently held:';

describe("RBAC storage refuses privilege escalation like kube-apiserver", () => {
  let sim: Simulator & { clusters: SimClusterInternal[] };
  let c: SimClusterInternal;
  let dev = "";
  let dir = "";
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const post = (p: string, body: unknown, token?: string) => raw(c, "POST", p, JSON.stringify(body), token ? as(token) : {});

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sim-escalate-"));
    sim = await startSimulator({ clusters: [{ name: "esc", scenarios: ["k3s", "demo"] }], kubeconfigDir: dir });
    c = sim.clusters[0] as SimClusterInternal;
    expect((await post("/api/v1/namespaces/demo/serviceaccounts", { metadata: { name: "dev" } })).status).toBe(201);
    const tr = await post("/api/v1/namespaces/demo/serviceaccounts/dev/token", { apiVersion: "authentication.k8s.io/v1", kind: "TokenRequest", spec: {} });
    dev = (tr.json as { status: { token: string } }).status.token;
    // dev may manage Roles and RoleBindings in demo and read ConfigMaps there — nothing else.
    expect((await post(`${RBAC}/namespaces/demo/roles`, { metadata: { name: "rbac-manager" }, rules: [{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles", "rolebindings"], verbs: ["create", "update", "patch", "get"] }, { apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list"] }] })).status).toBe(201);
    expect((await post(`${RBAC}/namespaces/demo/rolebindings`, { metadata: { name: "dev-rbac-manager" }, roleRef: ref("Role", "rbac-manager"), subjects: [{ kind: "ServiceAccount", name: "dev" }] })).status).toBe(201);
  });
  afterAll(async () => {
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a Role may grant only what its author holds; the missing rules are listed compacted", async () => {
    expect((await post(`${RBAC}/namespaces/demo/roles`, { metadata: { name: "cm-reader" }, rules: [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get"] }] }, dev)).status).toBe(201);
    const r = await post(`${RBAC}/namespaces/demo/roles`, { metadata: { name: "grab" }, rules: [{ apiGroups: [""], resources: ["configmaps", "secrets"], verbs: ["get", "list"] }, { apiGroups: ["apps"], resources: ["deployments"], resourceNames: ["web"], verbs: ["get"] }] }, dev);
    expect(r.status).toBe(403);
    expect(r.json).toMatchObject({
      kind: "Status",
      reason: "Forbidden",
      code: 403,
      details: { name: "grab", group: "rbac.authorization.k8s.io", kind: "roles" },
      message: `roles.rbac.authorization.k8s.io "grab" is forbidden: ${DEV}\n{APIGroups:[""], Resources:["secrets"], Verbs:["get" "list"]}\n{APIGroups:["apps"], Resources:["deployments"], ResourceNames:["web"], Verbs:["get"]}`,
    });
    // dry run is admitted the same way
    expect((await raw(c, "POST", `${RBAC}/namespaces/demo/roles?dryRun=All`, JSON.stringify({ metadata: { name: "grab" }, rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }] }), as(dev))).status).toBe(403);
    // an update that adds a rule is checked; one touching only finalizers is not
    const patch = (body: unknown) => raw(c, "PATCH", `${RBAC}/namespaces/demo/roles/cm-reader`, JSON.stringify(body), { ...as(dev), "Content-Type": "application/merge-patch+json" });
    expect((await patch({ rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["delete"] }] })).json).toMatchObject({ code: 403, message: `roles.rbac.authorization.k8s.io "cm-reader" is forbidden: ${DEV}\n{APIGroups:[""], Resources:["pods"], Verbs:["delete"]}` });
    expect((await patch({ metadata: { finalizers: ["example.com/keep"] } })).status).toBe(200);
  });

  it("`escalate` lifts the check; system:masters never needs it", async () => {
    expect((await post(`${RBAC}/namespaces/demo/roles`, { metadata: { name: "escalator" }, rules: [{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles"], verbs: ["escalate"] }] })).status).toBe(201);
    expect((await post(`${RBAC}/namespaces/demo/rolebindings`, { metadata: { name: "dev-escalator" }, roleRef: ref("Role", "escalator"), subjects: [{ kind: "ServiceAccount", name: "dev" }] })).status).toBe(201);
    expect((await post(`${RBAC}/namespaces/demo/roles`, { metadata: { name: "secret-reader" }, rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }] }, dev)).status).toBe(201);
    expect((await post(`${RBAC}/clusterroles`, { metadata: { name: "anything" }, rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }] })).status).toBe(201);
  });

  it("a binding grants only rules its author holds, unless it may `bind` the role; a missing role is 404", async () => {
    const bind = (name: string, roleRef: unknown) => post(`${RBAC}/namespaces/demo/rolebindings`, { metadata: { name }, roleRef, subjects: [{ kind: "User", name: "eve" }] }, dev);
    expect((await bind("eve-cm", ref("Role", "cm-reader"))).status).toBe(201);
    const admin = await bind("eve-admin", ref("ClusterRole", "admin"));
    expect(admin.status).toBe(403);
    expect((admin.json as { message: string }).message).toMatch(new RegExp(`^rolebindings\\.rbac\\.authorization\\.k8s\\.io "eve-admin" is forbidden: ${DEV.replace(/[[\]().]/g, "\\$&")}\\n\\{APIGroups:\\[""\\], Resources:\\["bindings"\\], Verbs:\\["(create|get)`));
    expect(await bind("eve-missing", ref("Role", "nope"))).toMatchObject({ status: 404, json: { reason: "NotFound", message: 'roles.rbac.authorization.k8s.io "nope" not found' } });
    // `bind` on exactly that ClusterRole (resourceNames honoured) lifts the check
    expect((await post(`${RBAC}/namespaces/demo/roles`, { metadata: { name: "binder" }, rules: [{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], verbs: ["bind"], resourceNames: ["admin"] }] })).status).toBe(201);
    expect((await post(`${RBAC}/namespaces/demo/rolebindings`, { metadata: { name: "dev-binder" }, roleRef: ref("Role", "binder"), subjects: [{ kind: "ServiceAccount", name: "dev" }] })).status).toBe(201);
    expect((await bind("eve-admin", ref("ClusterRole", "admin"))).status).toBe(201);
    expect((await bind("eve-edit", ref("ClusterRole", "edit"))).status).toBe(403);
  });

  it("an aggregationRule needs cluster-admin's authority", async () => {
    expect((await post(`${RBAC}/clusterroles`, { metadata: { name: "agg-maker" }, rules: [{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], verbs: ["create"] }] })).status).toBe(201);
    expect((await post(`${RBAC}/clusterrolebindings`, { metadata: { name: "dev-agg-maker" }, roleRef: ref("ClusterRole", "agg-maker"), subjects: [{ kind: "ServiceAccount", name: "dev", namespace: "demo" }] })).status).toBe(201);
    const r = await post(`${RBAC}/clusterroles`, { metadata: { name: "gather" }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { "example.com/agg": "true" } }] }, rules: [] }, dev);
    expect(r.json).toMatchObject({ code: 403, message: 'clusterroles.rbac.authorization.k8s.io "gather" is forbidden: must have cluster-admin privileges to use the aggregationRule' });
  });

  it("kubectl (protobuf body) prints the refusal", async () => {
    const out = await kubectl(c.kubeconfigPath ?? "", ["--token", dev, "-n", "demo", "create", "rolebinding", "eve-view", "--clusterrole=view", "--user=eve"]);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain(`error: failed to create rolebinding: rolebindings.rbac.authorization.k8s.io "eve-view" is forbidden: ${DEV}\n{APIGroups:[""], Resources:["bindings"], Verbs:["get" "list" "watch"]}\n`);
    // dev reads ConfigMaps but does not watch them: view's watch is among the missing rules
    expect(out.stderr).toContain('\n{APIGroups:[""], Resources:["configmaps"], Verbs:["watch"]}\n');
  });
});
