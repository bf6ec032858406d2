import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kubectl } from "@/sim/test/run-kubectl";
import type { TApiResourceList, TResourceDetail, TResourceTable, TTableWatchMessage } from "@/lib/shared/resources/resources.schema";
import { authenticateRequest } from "@/lib/server/auth/authenticate-request";
import { readFirstTablePage } from "@/lib/server/resources/read-first-table-page";
import { TABLE_FIRST_PAGE_ROWS } from "@/lib/shared/resources/table-paging";
import { callRoute } from "../helpers/routes";
import { eventually, startExplorerFixture, type ExplorerFixture } from "./explorer-fixture";
import { readSse } from "./sse-reader";

const VM_CRD = {
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: "virtualmachines.kubevirt.io" },
  spec: {
    group: "kubevirt.io",
    names: { kind: "VirtualMachine", listKind: "VirtualMachineList", plural: "virtualmachines", singular: "virtualmachine", shortNames: ["vm", "vms"] },
    scope: "Namespaced",
    versions: [
      {
        name: "v1",
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } },
        additionalPrinterColumns: [
          { name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" },
          { name: "Status", type: "string", jsonPath: ".status.printableStatus", description: "Human Readable Status" },
          { name: "Ready", type: "string", jsonPath: ".status.conditions[?(@.type=='Ready')].status" },
          { name: "CPUs", type: "integer", jsonPath: ".spec.template.spec.domain.cpu.cores", priority: 1 },
        ],
      },
    ],
  },
};

/** The column headers kubectl printed (first line), split on runs of 2+ spaces. */
function headersOf(stdout: string): string[] {
  return (stdout.split("\n")[0] ?? "").trim().split(/\s{2,}/);
}

/** kubectl's headers for a Table: priority-0 columns (all with -o wide), upper-cased, NAMESPACE first with -A. */
function expectedHeaders(table: TResourceTable, opts: { allNamespaces?: boolean; wide?: boolean }): string[] {
  const cols = table.columnDefinitions.filter((c) => opts.wide || c.priority === 0).map((c) => c.name.toUpperCase());
  return opts.allNamespaces ? ["NAMESPACE", ...cols] : cols;
}

describe("discovery-driven resources API", () => {
  let fx: ExplorerFixture;
  let kubeconfig: string;
  const k = (args: string[], input?: string) => kubectl(kubeconfig, ["--request-timeout=15s", ...args], { input });
  beforeAll(async () => {
    fx = await startExplorerFixture("res");
    kubeconfig = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "outpost-res-")), "kubeconfig");
    fs.writeFileSync(kubeconfig, fx.cluster.kubeconfig(), { mode: 0o600 });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  const get = async <T>(url: string, cookie = fx.cookies.viewer) => {
    const res = await callRoute("GET", url, { cookie });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as T;
  };

  it("lists what the cluster serves from aggregated discovery, CRDs included", async () => {
    const list = await get<TApiResourceList>("/api/v1/clusters/res/resources");
    expect(list.error).toBeNull();
    const find = (group: string, resource: string) => list.resources.find((r) => r.group === group && r.resource === resource);
    expect(find("", "pods")).toMatchObject({ version: "v1", kind: "Pod", namespaced: true, verbs: expect.arrayContaining(["list", "watch"]) });
    expect(find("", "nodes")).toMatchObject({ namespaced: false });
    expect(find("apps", "deployments")).toMatchObject({ version: "v1", kind: "Deployment" });
    expect(find("helm.cattle.io", "helmcharts")).toMatchObject({ version: "v1", kind: "HelmChart", namespaced: true });
    expect(find("traefik.io", "ingressroutes")).toMatchObject({ kind: "IngressRoute" });
    // Subresources are not resources of their own.
    expect(list.resources.some((r) => r.resource.includes("/"))).toBe(false);
  });

  it("answers the apiserver's Table with the columns kubectl prints, for built-ins and CRDs", async () => {
    const cases: Array<{ url: string; args: string[]; allNamespaces?: boolean }> = [
      { url: "/api/v1/clusters/res/resources/core/v1/pods", args: ["get", "pods", "-A"], allNamespaces: true },
      { url: "/api/v1/clusters/res/resources/apps/v1/deployments", args: ["get", "deployments", "-A"], allNamespaces: true },
      { url: "/api/v1/clusters/res/resources/core/v1/nodes", args: ["get", "nodes"] },
      { url: "/api/v1/clusters/res/resources/helm.cattle.io/v1/helmcharts", args: ["get", "helmcharts.helm.cattle.io", "-A"], allNamespaces: true },
      { url: "/api/v1/clusters/res/resources/traefik.io/v1alpha1/ingressroutes?namespace=kube-system", args: ["get", "ingressroutes.traefik.io", "-n", "kube-system"] },
    ];
    const route = { apiVersion: "traefik.io/v1alpha1", kind: "IngressRoute", metadata: { name: "dashboard", namespace: "kube-system" }, spec: { entryPoints: ["web"], routes: [{ match: "PathPrefix(`/dashboard`)", kind: "Rule", services: [{ name: "api@internal", kind: "TraefikService" }] }] } };
    expect((await k(["apply", "-f", "-"], JSON.stringify(route))).stderr).toBe("");
    for (const c of cases) {
      const table = await get<TResourceTable>(c.url, fx.cookies.admin);
      expect(table.kind).toBe("Table");
      expect(table.rows.length, c.url).toBeGreaterThan(0);
      const out = await k(c.args);
      expect(out.stderr, c.args.join(" ")).toBe("");
      expect(headersOf(out.stdout), c.args.join(" ")).toEqual(expectedHeaders(table, c));
      const wide = await k([...c.args, "-o", "wide"]);
      expect(headersOf(wide.stdout), `${c.args.join(" ")} -o wide`).toEqual(expectedHeaders(table, { ...c, wide: true }));
      // Same objects, same first cell.
      const names = out.stdout.trim().split("\n").slice(1).map((l) => l.trim().split(/\s+/)[c.allNamespaces ? 1 : 0]);
      expect(table.rows.map((r) => String(r.cells[0])).sort()).toEqual(names.sort());
      // Rows carry metadata only, without managedFields.
      expect(table.rows[0]?.object).toMatchObject({ kind: "PartialObjectMetadata", metadata: { name: expect.any(String) } });
      expect(JSON.stringify(table.rows)).not.toContain("managedFields");
    }
  });

  it("lists a CRD created now with its printer columns — no code for the new kind", async () => {
    const created = await k(["apply", "-f", "-"], JSON.stringify(VM_CRD));
    expect(created.stdout).toContain("customresourcedefinition.apiextensions.k8s.io/virtualmachines.kubevirt.io");
    const served = await eventually(async () => {
      const list = await get<TApiResourceList>("/api/v1/clusters/res/resources");
      return list.resources.find((r) => r.group === "kubevirt.io" && r.resource === "virtualmachines");
    }, 10_000, "the new CRD in discovery");
    expect(served).toMatchObject({ kind: "VirtualMachine", version: "v1", namespaced: true, shortNames: ["vm", "vms"] });
    const vm = { apiVersion: "kubevirt.io/v1", kind: "VirtualMachine", metadata: { name: "plc-gateway", namespace: "default" }, spec: { template: { spec: { domain: { cpu: { cores: 2 } } } } }, status: { printableStatus: "Running", conditions: [{ type: "Ready", status: "True" }] } };
    expect((await k(["apply", "-f", "-"], JSON.stringify(vm))).stderr).toBe("");
    const table = await get<TResourceTable>("/api/v1/clusters/res/resources/kubevirt.io/v1/virtualmachines?namespace=default", fx.cookies.admin);
    expect(table.columnDefinitions.map((c) => [c.name, c.priority])).toEqual([["Name", 0], ["Age", 0], ["Status", 0], ["Ready", 0], ["CPUs", 1]]);
    expect(table.rows[0]?.cells).toEqual(["plc-gateway", expect.stringMatching(/^\d+s$/), "Running", "True", 2]);
    const out = await k(["get", "vm", "-n", "default", "-o", "wide"]);
    expect(headersOf(out.stdout)).toEqual(["NAME", "AGE", "STATUS", "READY", "CPUS"]);
    expect(out.stdout).toMatch(/plc-gateway\s+\d+s\s+Running\s+True\s+2/);
  });

  it("reads a list page's first page during its server render, as the user: the list route's first 100 rows; nothing when the cluster refuses", async () => {
    const viewer = (await authenticateRequest(new Headers({ cookie: fx.cookies.viewer })))!;
    const all = { namespace: "", labelSelector: "", fieldSelector: "" };
    const page = await readFirstTablePage(viewer, "res", { group: "", version: "v1", resource: "pods" }, all);
    const api = await get<TResourceTable>(`/api/v1/clusters/res/resources/core/v1/pods?limit=${TABLE_FIRST_PAGE_ROWS}`);
    expect(page?.view).toEqual(all);
    expect(page?.table.rows.map((r) => r.object?.metadata.name)).toEqual(api.rows.map((r) => r.object?.metadata.name));
    expect(page?.table.columnDefinitions).toEqual(api.columnDefinitions);
    // Kubernetes' view role reads no Secrets: the page then leaves the list (and its Forbidden) to the browser.
    expect(await readFirstTablePage(viewer, "res", { group: "", version: "v1", resource: "secrets" }, all)).toBeNull();
    expect(await readFirstTablePage(viewer, "res", { group: "", version: "v1", resource: "no-such-things" }, all)).toBeNull();
  });

  it("pages with limit and continue, and filters with label and field selectors", async () => {
    const first = await get<TResourceTable>("/api/v1/clusters/res/resources/core/v1/pods?limit=2", fx.cookies.admin);
    expect(first.rows).toHaveLength(2);
    expect(first.metadata.continue).toBeTruthy();
    const second = await get<TResourceTable>(`/api/v1/clusters/res/resources/core/v1/pods?limit=2&continue=${encodeURIComponent(first.metadata.continue!)}`, fx.cookies.admin);
    expect(second.rows).toHaveLength(2);
    expect(second.rows.map((r) => r.cells[0])).not.toContain(first.rows[0]?.cells[0]);
    const web = await get<TResourceTable>("/api/v1/clusters/res/resources/core/v1/pods?namespace=demo&labelSelector=app%3Dweb");
    expect(web.rows.map((r) => String(r.cells[0]).split("-")[0])).toEqual(["web", "web", "web"]);
    const node = String(web.rows[0]?.cells[web.columnDefinitions.findIndex((c) => c.name === "Node")]);
    const onNode = await get<TResourceTable>(`/api/v1/clusters/res/resources/core/v1/pods?fieldSelector=${encodeURIComponent(`spec.nodeName=${node}`)}`);
    expect(onNode.rows.length).toBeGreaterThan(0);
    // A field the kind does not support is the cluster's 400, shown in its own words.
    const unsupported = await callRoute("GET", `/api/v1/clusters/res/resources/apps/v1/replicasets?fieldSelector=${encodeURIComponent("status.replicas=0")}`, { cookie: fx.cookies.admin });
    expect(unsupported.status).toBe(400);
    expect(((await unsupported.json()) as { error: { message: string; source?: string } }).error).toMatchObject({ source: "cluster", message: '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"' });
  });

  it("runs as the user: the cluster's own Forbidden message, and 404 for what it does not serve", async () => {
    const refused = await callRoute("GET", "/api/v1/clusters/res/resources/core/v1/secrets?namespace=demo", { cookie: fx.cookies.viewer });
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as { error: { message: string; source?: string } };
    expect(body.error).toMatchObject({ source: "cluster", message: 'secrets is forbidden: User "outpost:vic" cannot list resource "secrets" in API group "" in the namespace "demo"' });
    const missing = await callRoute("GET", "/api/v1/clusters/res/resources/example.com/v1/widgets", { cookie: fx.cookies.viewer });
    expect(missing.status).toBe(404);
    const bad = await callRoute("GET", "/api/v1/clusters/res/resources/core/v1/pods?limit=0", { cookie: fx.cookies.viewer });
    expect(bad.status).toBe(422);
  });

  it("streams live rows of a Table watch", async () => {
    const list = await get<TResourceTable>("/api/v1/clusters/res/resources/core/v1/configmaps?namespace=demo", fx.cookies.operator);
    const res = await callRoute("GET", `/api/v1/clusters/res/resources/core/v1/configmaps?namespace=demo&watch=true&resourceVersion=${list.metadata.resourceVersion}`, { cookie: fx.cookies.operator });
    expect(res.status).toBe(200);
    const sse = readSse<TTableWatchMessage>(res);
    await sse.next((m) => m.type === "status" && m.live);
    expect((await k(["-n", "demo", "create", "configmap", "live-one", "--from-literal=a=1", "--from-literal=b=2"])).stderr).toBe("");
    const added = await sse.next((m) => m.type === "change" && m.row.cells[0] === "live-one");
    expect(added).toMatchObject({ type: "change", event: "ADDED", row: { cells: ["live-one", 2, expect.any(String)] } });
    await sse.cancel();
  });

  it("shows one object with its YAML, events, owner chain and children", async () => {
    // A pod some event is about (the crash-looping worker's BackOff, a scheduling event…).
    const events = await eventually(async () => {
      const t = await get<TResourceTable>("/api/v1/clusters/res/resources/core/v1/events?namespace=demo");
      return t.rows.some((r) => String(r.cells[3]).startsWith("pod/")) && t;
    }, 10_000, "an event about a pod");
    const pod = String(events.rows.find((r) => String(r.cells[3]).startsWith("pod/"))?.cells[3]).slice("pod/".length);
    const detail = await get<TResourceDetail>(`/api/v1/clusters/res/resources/core/v1/pods/demo/${pod}`);
    expect(detail.error).toBeNull();
    expect(detail.yaml).toContain(`name: ${pod}`);
    expect(detail.yaml).not.toContain("managedFields");
    expect(detail.events?.rows.length).toBeGreaterThan(0);
    expect(detail.events?.rows.every((r) => r.cells[3] === `pod/${pod}`)).toBe(true);
    expect(detail.owners.map((o) => o.kind)).toEqual(["ReplicaSet", "Deployment"]);
    expect(detail.owners[1]).toMatchObject({ group: "apps", version: "v1", resource: "deployments", namespace: "demo" });
    const deployment = await get<TResourceDetail>("/api/v1/clusters/res/resources/apps/v1/deployments/demo/web");
    expect(deployment.children.map((c) => c.kind)).toEqual(["ReplicaSet"]);
    const node = await get<TResourceDetail>(`/api/v1/clusters/res/resources/core/v1/nodes/${String((await get<TResourceTable>("/api/v1/clusters/res/resources/core/v1/nodes")).rows[0]?.cells[0])}`);
    expect(node.resource).toMatchObject({ kind: "Node", namespaced: false });
    const secret = await get<TResourceDetail>("/api/v1/clusters/res/resources/core/v1/secrets/demo/api-credentials", fx.cookies.admin);
    expect(secret.object?.data).toEqual({ password: "" });
    expect(secret.yaml).not.toContain(Buffer.from("not-a-real-password").toString("base64"));
  });
});
