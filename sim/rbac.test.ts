import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type SimClusterInternal, type Simulator } from "./index";
import { raw } from "./test/raw-request";

const RBAC = "/apis/rbac.authorization.k8s.io/v1";
const ref = (kind: string, name: string) => ({ apiGroup: "rbac.authorization.k8s.io", kind, name });

describe("RBAC is enforced like kube-apiserver's RBAC authorizer", () => {
  let sim: Simulator & { clusters: SimClusterInternal[] };
  let c: SimClusterInternal;
  let dev: string;
  const as = (token: string, extra: Record<string, string> = {}) => ({ Authorization: `Bearer ${token}`, ...extra });
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => raw(c, "POST", path, JSON.stringify(body), headers);

  beforeAll(async () => {
    sim = await startSimulator({ clusters: [{ name: "rbac", scenarios: ["k3s", "demo"] }] });
    c = sim.clusters[0] as SimClusterInternal;
    expect((await post("/api/v1/namespaces/demo/serviceaccounts", { metadata: { name: "dev" } })).status).toBe(201);
    const tr = await post("/api/v1/namespaces/demo/serviceaccounts/dev/token", { apiVersion: "authentication.k8s.io/v1", kind: "TokenRequest", spec: {} });
    dev = (tr.json as { status: { token: string } }).status.token;
  });
  afterAll(async () => sim?.stop());

  it("ships the k3s default roles; admin/edit/view are aggregated from the aggregate-to-* roles", async () => {
    const names = ((await raw(c, "GET", `${RBAC}/clusterroles`)).json as { items: { metadata: { name: string } }[] }).items.map((i) => i.metadata.name);
    for (const n of ["cluster-admin", "admin", "edit", "view", "system:basic-user", "system:discovery", "system:public-info-viewer", "system:node", "system:controller:deployment-controller", "system:k3s-controller", "system:aggregated-metrics-reader"]) expect(names).toContain(n);
    const view = (await raw(c, "GET", `${RBAC}/clusterroles/view`)).json as { rules: { apiGroups: string[]; resources: string[]; verbs: string[] }[] };
    expect(view.rules).toContainEqual(expect.objectContaining({ apiGroups: [""], resources: expect.arrayContaining(["configmaps", "pods"]), verbs: ["get", "list", "watch"] }));
    expect(view.rules).toContainEqual(expect.objectContaining({ apiGroups: ["metrics.k8s.io"] }));
    expect(view.rules.some((r) => r.resources.includes("secrets"))).toBe(false);
    const admin = (await raw(c, "GET", `${RBAC}/clusterroles/admin`)).json as { rules: { resources: string[] }[] };
    expect(admin.rules.some((r) => r.resources.includes("rolebindings"))).toBe(true);
    expect(admin.rules.some((r) => r.resources.includes("secrets"))).toBe(true);
  });

  it("refuses with the apiserver's exact Forbidden messages", async () => {
    const list = await raw(c, "GET", "/api/v1/namespaces/demo/pods", undefined, as(dev));
    expect(list.status).toBe(403);
    expect(list.json).toMatchObject({ kind: "Status", reason: "Forbidden", code: 403, message: 'pods is forbidden: User "system:serviceaccount:demo:dev" cannot list resource "pods" in API group "" in the namespace "demo"', details: { kind: "pods" } });
    expect((await raw(c, "GET", "/apis/apps/v1/namespaces/demo/deployments/web", undefined, as(dev))).json).toMatchObject({ message: 'deployments.apps "web" is forbidden: User "system:serviceaccount:demo:dev" cannot get resource "deployments" in API group "apps" in the namespace "demo"', details: { name: "web", group: "apps", kind: "deployments" } });
    expect((await raw(c, "GET", "/api/v1/nodes?watch=1", undefined, as(dev))).json).toMatchObject({ message: 'nodes is forbidden: User "system:serviceaccount:demo:dev" cannot watch resource "nodes" in API group "" at the cluster scope' });
    expect((await raw(c, "GET", "/api/v1/namespaces/demo/pods/x/log", undefined, as(dev))).json).toMatchObject({ message: 'pods "x" is forbidden: User "system:serviceaccount:demo:dev" cannot get resource "pods/log" in API group "" in the namespace "demo"' });
    expect((await raw(c, "GET", "/metrics", undefined, as(dev))).json).toMatchObject({ code: 403, message: 'forbidden: User "system:serviceaccount:demo:dev" cannot get path "/metrics"' });
    // Authorisation comes before routing: an unknown resource is refused, not "not found".
    expect((await raw(c, "GET", "/api/v1/widgets", undefined, as(dev))).status).toBe(403);
    // Discovery and health are open to every authenticated user.
    for (const p of ["/version", "/api", "/apis/apps/v1", "/readyz"]) expect((await raw(c, "GET", p, undefined, as(dev))).status).toBe(200);
  });

  it("RoleBindings, resourceNames, subresources and */subresource rules; recompiled on every RBAC write", async () => {
    expect((await post(`${RBAC}/namespaces/demo/roles`, { metadata: { name: "one-cm" }, rules: [{ apiGroups: [""], resources: ["configmaps"], resourceNames: ["kube-root-ca.crt"], verbs: ["get", "list"] }, { apiGroups: [""], resources: ["*/log"], verbs: ["get"] }, { apiGroups: ["apps"], resources: ["deployments/scale"], verbs: ["get", "update", "patch"] }] })).status).toBe(201);
    expect((await raw(c, "GET", "/api/v1/namespaces/demo/configmaps/kube-root-ca.crt", undefined, as(dev))).status).toBe(403);
    expect((await post(`${RBAC}/namespaces/demo/rolebindings`, { metadata: { name: "dev-one-cm" }, roleRef: ref("Role", "one-cm"), subjects: [{ kind: "ServiceAccount", name: "dev" }] })).status).toBe(201);
    expect((await raw(c, "GET", "/api/v1/namespaces/demo/configmaps/kube-root-ca.crt", undefined, as(dev))).status).toBe(200);
    expect((await raw(c, "GET", "/api/v1/namespaces/demo/configmaps", undefined, as(dev))).status).toBe(403);
    expect((await raw(c, "GET", "/api/v1/namespaces/demo/configmaps?fieldSelector=metadata.name%3Dkube-root-ca.crt", undefined, as(dev))).status).toBe(200);
    expect((await raw(c, "GET", "/api/v1/namespaces/default/configmaps/kube-root-ca.crt", undefined, as(dev))).status).toBe(403);
    expect((await raw(c, "GET", "/apis/apps/v1/namespaces/demo/deployments/web/scale", undefined, as(dev))).status).toBe(200);
    expect((await raw(c, "GET", "/apis/apps/v1/namespaces/demo/deployments/web", undefined, as(dev))).status).toBe(403);
    const pod = ((await raw(c, "GET", "/api/v1/namespaces/demo/pods")).json as { items: { metadata: { name: string } }[] }).items[0]!.metadata.name;
    expect((await raw(c, "GET", `/api/v1/namespaces/demo/pods/${pod}/log?tailLines=1`, undefined, as(dev))).status).toBe(200);
    // A binding to a role that does not exist is named in the refusal, like the apiserver does.
    expect((await post(`${RBAC}/namespaces/demo/rolebindings`, { metadata: { name: "dangling" }, roleRef: ref("ClusterRole", "no-such-role"), subjects: [{ kind: "ServiceAccount", name: "dev" }] })).status).toBe(201);
    expect(((await raw(c, "GET", "/api/v1/namespaces/demo/secrets", undefined, as(dev))).json as { message: string }).message).toMatch(/in the namespace "demo": RBAC: clusterrole.rbac.authorization.k8s.io "no-such-role" not found$/);
    expect((await raw(c, "DELETE", `${RBAC}/namespaces/demo/rolebindings/dev-one-cm`)).status).toBe(200);
    expect((await raw(c, "GET", "/api/v1/namespaces/demo/configmaps/kube-root-ca.crt", undefined, as(dev))).status).toBe(403);
  });

  it("a ClusterRole labelled aggregate-to-view extends view for everyone bound to it", async () => {
    expect((await post(`${RBAC}/clusterrolebindings`, { metadata: { name: "dev-view" }, roleRef: ref("ClusterRole", "view"), subjects: [{ kind: "ServiceAccount", name: "dev", namespace: "demo" }] })).status).toBe(201);
    expect((await raw(c, "GET", "/api/v1/nodes", undefined, as(dev))).status).toBe(403);
    expect((await raw(c, "GET", "/api/v1/namespaces/kube-system/pods", undefined, as(dev))).status).toBe(200);
    expect((await post(`${RBAC}/clusterroles`, { metadata: { name: "nodes-reader", labels: { "rbac.authorization.k8s.io/aggregate-to-view": "true" } }, rules: [{ apiGroups: [""], resources: ["nodes"], verbs: ["list"] }] })).status).toBe(201);
    await expect.poll(async () => (await raw(c, "GET", "/api/v1/nodes", undefined, as(dev))).status).toBe(200);
    expect((await raw(c, "DELETE", `${RBAC}/clusterrolebindings/dev-view`)).status).toBe(200);
  });

  it("impersonation needs the impersonate verb (resourceNames honoured), then runs as that identity", async () => {
    const hdr = { "Impersonate-User": "alice", "Impersonate-Group": "outpost:viewer" };
    expect((await raw(c, "GET", "/api/v1/namespaces/demo/pods", undefined, as(dev, hdr))).json).toMatchObject({ code: 403, message: 'users "alice" is forbidden: User "system:serviceaccount:demo:dev" cannot impersonate resource "users" in API group "" at the cluster scope' });
    expect((await post(`${RBAC}/clusterroles`, { metadata: { name: "imp" }, rules: [{ apiGroups: [""], resources: ["users"], verbs: ["impersonate"] }, { apiGroups: [""], resources: ["groups"], verbs: ["impersonate"], resourceNames: ["outpost:viewer", "system:authenticated"] }] })).status).toBe(201);
    expect((await post(`${RBAC}/clusterrolebindings`, { metadata: { name: "imp" }, roleRef: ref("ClusterRole", "imp"), subjects: [{ kind: "ServiceAccount", name: "dev", namespace: "demo" }] })).status).toBe(201);
    expect((await post(`${RBAC}/clusterrolebindings`, { metadata: { name: "viewers" }, roleRef: ref("ClusterRole", "view"), subjects: [{ kind: "Group", name: "outpost:viewer" }] })).status).toBe(201);
    expect((await raw(c, "GET", "/api/v1/namespaces/demo/pods", undefined, as(dev, hdr))).status).toBe(200);
    expect((await raw(c, "DELETE", "/api/v1/namespaces/demo/pods/x", undefined, as(dev, hdr))).json).toMatchObject({ message: 'pods "x" is forbidden: User "alice" cannot delete resource "pods" in API group "" in the namespace "demo"' });
    expect((await raw(c, "GET", "/api/v1/namespaces/demo/pods", undefined, as(dev, { "Impersonate-User": "alice", "Impersonate-Group": "system:masters" }))).json).toMatchObject({ message: 'groups "system:masters" is forbidden: User "system:serviceaccount:demo:dev" cannot impersonate resource "groups" in API group "" at the cluster scope' });
    expect((await raw(c, "GET", "/api/v1/pods", undefined, as(dev, { "Impersonate-User": "system:serviceaccount:kube-system:coredns" }))).json).toMatchObject({ message: 'serviceaccounts "coredns" is forbidden: User "system:serviceaccount:demo:dev" cannot impersonate resource "serviceaccounts" in API group "" in the namespace "kube-system"' });
    const who = await post("/apis/authentication.k8s.io/v1/selfsubjectreviews", { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" }, as(dev, hdr));
    expect(who.json).toMatchObject({ status: { userInfo: { username: "alice", groups: ["outpost:viewer", "system:authenticated"] } } });
  });

  it("access reviews answer from the same evaluator", async () => {
    const ssar = (verb: string, resource: string, namespace = "demo") => post("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec: { resourceAttributes: { verb, resource, namespace } } }, as(dev, { "Impersonate-User": "alice", "Impersonate-Group": "outpost:viewer" }));
    expect((await ssar("list", "pods")).json).toMatchObject({ status: { allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "viewers" of ClusterRole "view" to Group "outpost:viewer"' } });
    expect(((await ssar("delete", "pods")).json as { status: { allowed: boolean } }).status.allowed).toBe(false);
    const sar = await post("/apis/authorization.k8s.io/v1/subjectaccessreviews", { apiVersion: "authorization.k8s.io/v1", kind: "SubjectAccessReview", spec: { user: "bob", groups: ["system:masters"], nonResourceAttributes: { path: "/metrics", verb: "get" } } });
    expect(sar.json).toMatchObject({ kind: "SubjectAccessReview", status: { allowed: true } });
    expect((await post("/apis/authorization.k8s.io/v1/subjectaccessreviews", { apiVersion: "authorization.k8s.io/v1", kind: "SubjectAccessReview", spec: { user: "bob" } })).status).toBe(422);
    expect((await post("/apis/authorization.k8s.io/v1/subjectaccessreviews", { spec: { user: "bob", resourceAttributes: { verb: "get", resource: "pods" } } }, as(dev))).status).toBe(403);
    const rules = await post("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews", { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectRulesReview", spec: { namespace: "demo" } }, as(dev));
    const status = (rules.json as { status: { resourceRules: { resources: string[]; verbs: string[] }[]; nonResourceRules: { nonResourceURLs: string[] }[] } }).status;
    expect(status.resourceRules).toContainEqual(expect.objectContaining({ resources: ["selfsubjectaccessreviews", "selfsubjectrulesreviews"], verbs: ["create"] }));
    expect(status.resourceRules.some((r) => r.resources.includes("users"))).toBe(true);
    expect(status.nonResourceRules.some((r) => r.nonResourceURLs.includes("/version"))).toBe(true);
  });

  it("rejects malformed rules with 422 and keeps answering", async () => {
    const bad = await post(`${RBAC}/clusterroles`, { metadata: { name: "bad" }, rules: [{ apiGroups: [""], resources: "pods", verbs: [] }] });
    expect(bad.status).toBe(422);
    expect((await post(`${RBAC}/namespaces/demo/roles`, { metadata: { name: "bad" }, rules: [{ nonResourceURLs: ["/x"], verbs: ["get"] }] })).status).toBe(422);
    expect((await post(`${RBAC}/clusterrolebindings`, { metadata: { name: "odd" }, roleRef: ref("ClusterRole", "view"), subjects: "everyone" })).status).toBeLessThan(500);
    expect((await raw(c, "GET", "/api/v1/namespaces/demo/pods", undefined, as(dev))).status).toBeLessThan(500);
  });
});
