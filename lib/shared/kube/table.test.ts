import { describe, expect, it } from "vitest";
import { FIXTURE_NOW as NOW, listFixtures, loadFixture } from "./__fixtures__/load-fixture";
import { buildTable, columnDefinitionsFor, hasTablePrinter, type Table } from "./table";
import type { DeploymentLike, KubeObjectLike, PodLike } from "./types";

/** The header line kubectl prints for a Table: priority-0 columns, or all with -o wide. */
function kubectlHeader(table: Table, wide = false): string[] {
  return table.columnDefinitions.filter((c) => wide || c.priority === 0).map((c) => c.name.toUpperCase());
}

const pods = listFixtures("pods").map((f) => loadFixture<PodLike>(`pods/${f}.json`));
const nodes = listFixtures("nodes").map((f) => loadFixture<KubeObjectLike>(`nodes/${f}.json`));

describe("buildTable headers match kubectl's", () => {
  it.each([
    ["pods", false, ["NAME", "READY", "STATUS", "RESTARTS", "AGE"]],
    ["pods", true, ["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"]],
    ["nodes", false, ["NAME", "STATUS", "ROLES", "AGE", "VERSION"]],
    ["nodes", true, ["NAME", "STATUS", "ROLES", "AGE", "VERSION", "INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"]],
    ["deployments", false, ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"]],
    ["deployments.apps", true, ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"]],
    ["replicasets", false, ["NAME", "DESIRED", "CURRENT", "READY", "AGE"]],
    ["daemonsets", false, ["NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE SELECTOR", "AGE"]],
    ["statefulsets", false, ["NAME", "READY", "AGE"]],
    ["jobs", false, ["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"]],
    ["cronjobs.batch", false, ["NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE"]],
    ["services", false, ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"]],
    ["services", true, ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE", "SELECTOR"]],
    ["endpoints", false, ["NAME", "ENDPOINTS", "AGE"]],
    ["namespaces", false, ["NAME", "STATUS", "AGE"]],
    ["configmaps", false, ["NAME", "DATA", "AGE"]],
    ["secrets", false, ["NAME", "TYPE", "DATA", "AGE"]],
    ["serviceaccounts", false, ["NAME", "SECRETS", "AGE"]],
    ["events", false, ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]],
    ["events", true, ["LAST SEEN", "TYPE", "REASON", "OBJECT", "SUBOBJECT", "SOURCE", "MESSAGE", "FIRST SEEN", "COUNT", "NAME"]],
    ["widgets.example.com", false, ["NAME", "CREATED AT"]],
  ] as const)("get %s (wide: %s)", (resource, wide, header) => {
    expect(kubectlHeader(buildTable(resource, [], NOW), wide)).toEqual(header);
  });

  it("declares types and formats as the apiserver does", () => {
    const pod = columnDefinitionsFor("pods");
    expect(pod[0]).toMatchObject({ name: "Name", type: "string", format: "name", priority: 0 });
    expect(pod.find((c) => c.name === "Restarts")).toMatchObject({ type: "string", format: "" });
    expect(columnDefinitionsFor("replicasets").find((c) => c.name === "Desired")?.type).toBe("integer");
    expect(columnDefinitionsFor("cronjobs").find((c) => c.name === "Suspend")?.type).toBe("boolean");
    expect(columnDefinitionsFor("events").find((c) => c.name === "Name")).toMatchObject({ format: "name", priority: 1 });
    expect(columnDefinitionsFor("widgets")).toEqual([
      expect.objectContaining({ name: "Name", type: "string", format: "name" }),
      expect.objectContaining({ name: "Created At", type: "date", format: "" }),
    ]);
    for (const c of columnDefinitionsFor("nodes")) {
      expect(Object.keys(c).sort()).toEqual(["description", "format", "name", "priority", "type"]);
      expect(c.description.length).toBeGreaterThan(10);
    }
  });

  it("knows which resources have printers, group-qualified or not", () => {
    expect(hasTablePrinter("pods")).toBe(true);
    expect(hasTablePrinter("jobs.batch")).toBe(true);
    expect(hasTablePrinter("events.events.k8s.io")).toBe(true);
    expect(hasTablePrinter("pods.example.com")).toBe(false);
    expect(hasTablePrinter("deployments.example.com")).toBe(false);
  });
});

describe("buildTable rows", () => {
  it("fills every column of every row (the apiserver prints wide) for pods and nodes", () => {
    for (const [resource, objects] of [["pods", pods], ["nodes", nodes]] as const) {
      const table = buildTable(resource, objects, NOW);
      expect(table.rows).toHaveLength(objects.length);
      for (const row of table.rows) expect(row.cells).toHaveLength(table.columnDefinitions.length);
    }
  });

  it("produces kubectl's pod cells and the Completed row condition", () => {
    const job = loadFixture<PodLike>("pods/completed-job.json");
    const crash = loadFixture<PodLike>("pods/crashloop-backoff.json");
    const table = buildTable("pods", [crash, job], NOW);
    expect(table.rows[0]?.cells).toEqual(["sensor-bridge-5f6d8c7b9-qw4rt", "0/1", "CrashLoopBackOff", "7 (2m30s ago)", "45m", "10.42.1.31", "agent-01", "<none>", "<none>"]);
    expect(table.rows[0]?.conditions).toBeUndefined();
    expect(table.rows[1]?.conditions).toEqual([{ type: "Completed", status: "True", reason: "Succeeded", message: "The pod has completed successfully." }]);
  });

  it("keeps integer columns as numbers", () => {
    const web: DeploymentLike = { metadata: { name: "web" }, spec: { replicas: 2 }, status: { updatedReplicas: 2, availableReplicas: 1, readyReplicas: 1 } };
    const table = buildTable("deployments", [web], NOW);
    expect(table.rows[0]?.cells).toEqual(["web", "1/2", 2, 1, "<unknown>", "", "", ""]);
  });

  it("holds PartialObjectMetadata by default, the full object for Object, null for None", () => {
    const pod = loadFixture<PodLike>("pods/running-ready.json");
    const { kind: _k, apiVersion: _a, ...bare } = pod;
    const meta = buildTable("pods", [pod], NOW).rows[0]?.object;
    expect(meta).toEqual({ kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: pod.metadata });
    const full = buildTable("pods", [bare], NOW, "Object").rows[0]?.object;
    expect(full).toEqual({ ...pod, kind: "Pod", apiVersion: "v1" });
    expect(buildTable("pods", [pod], NOW, "None").rows[0]?.object).toBeNull();
  });

  it("is the apiserver's default table for unknown resources, with RFC 3339 Created At", () => {
    const crd = { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w1", creationTimestamp: "2025-05-01T08:09:10Z" } };
    const table = buildTable("widgets", [crd], NOW, "Object", { resourceVersion: "4711", continue: "abc", remainingItemCount: 3 });
    expect(table).toEqual({
      kind: "Table",
      apiVersion: "meta.k8s.io/v1",
      metadata: { resourceVersion: "4711", continue: "abc", remainingItemCount: 3 },
      columnDefinitions: columnDefinitionsFor("widgets"),
      rows: [{ cells: ["w1", "2025-05-01T08:09:10Z"], object: crd }],
    });
  });

  it("serializes like the apiserver: empty metadata, format and priority always present", () => {
    const json = JSON.parse(JSON.stringify(buildTable("namespaces", [{ metadata: { name: "default" } }], NOW))) as Record<string, unknown>;
    expect(json.metadata).toEqual({});
    expect(JSON.stringify(json)).toContain('"format":"","description":"The status of the namespace","priority":0');
  });
});
