// Serves buildTable() output from a loopback HTTP server the way kube-apiserver would and
// lets the real kubectl (the machine's dispatcher, picking kubectl 1.27–1.33 by /version)
// print it: proves kubectl accepts our Table JSON, hides priority-1 columns without -o wide,
// and prints the exact strings we computed.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_NOW as NOW, listFixtures, loadFixture } from "./__fixtures__/load-fixture";
import { buildTable, type IncludeObjectPolicy, type Table } from "./table";
import type { DeploymentLike, EventLike, KubeObjectLike, ServiceLike } from "./types";

const run = promisify(execFile);

const deployments: DeploymentLike[] = [
  {
    metadata: { name: "web", namespace: "default", creationTimestamp: "2025-05-30T09:00:00Z" },
    spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template: { spec: { containers: [{ name: "nginx", image: "nginx:1.27.3" }] } } },
    status: { replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2 },
  },
];
const services: ServiceLike[] = [
  { metadata: { name: "kubernetes", namespace: "default", creationTimestamp: "2025-04-17T06:00:00Z" }, spec: { type: "ClusterIP", clusterIP: "10.43.0.1", clusterIPs: ["10.43.0.1"], ports: [{ port: 443, protocol: "TCP" }] } },
  { metadata: { name: "traefik", namespace: "default", creationTimestamp: "2025-04-17T06:01:00Z" }, spec: { type: "LoadBalancer", clusterIP: "10.43.88.2", ports: [{ port: 80, nodePort: 30080, protocol: "TCP" }, { port: 443, nodePort: 30443, protocol: "TCP" }], selector: { app: "traefik" } } },
];
const events: EventLike[] = [
  {
    metadata: { name: "sensor-bridge.181a", namespace: "default" },
    involvedObject: { kind: "Pod", name: "sensor-bridge-5f6d8c7b9-qw4rt", fieldPath: "spec.containers{bridge}" },
    reason: "BackOff", type: "Warning", message: "Back-off restarting failed container bridge", count: 7,
    firstTimestamp: "2025-06-01T11:16:00Z", lastTimestamp: "2025-06-01T11:57:30Z", source: { component: "kubelet", host: "agent-01" },
  },
];

const OBJECTS: Record<string, KubeObjectLike[]> = {
  "/api/v1/namespaces/default/pods": listFixtures("pods").map((f) => loadFixture<KubeObjectLike>(`pods/${f}.json`)),
  "/api/v1/nodes": listFixtures("nodes").map((f) => loadFixture<KubeObjectLike>(`nodes/${f}.json`)),
  "/apis/apps/v1/namespaces/default/deployments": deployments,
  "/api/v1/namespaces/default/services": services,
  "/api/v1/namespaces/default/events": events,
};

const resource = (name: string, kind: string, namespaced: boolean, shortName: string) => ({
  name,
  singularName: kind.toLowerCase(),
  namespaced,
  kind,
  verbs: ["get", "list"],
  shortNames: [shortName],
});
const DISCOVERY: Record<string, unknown> = {
  "/api": { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: "127.0.0.1" }] },
  "/apis": { kind: "APIGroupList", apiVersion: "v1", groups: [{ name: "apps", versions: [{ groupVersion: "apps/v1", version: "v1" }], preferredVersion: { groupVersion: "apps/v1", version: "v1" } }] },
  "/api/v1": { kind: "APIResourceList", groupVersion: "v1", resources: [resource("pods", "Pod", true, "po"), resource("nodes", "Node", false, "no"), resource("services", "Service", true, "svc"), resource("events", "Event", true, "ev")] },
  "/apis/apps/v1": { kind: "APIResourceList", apiVersion: "v1", groupVersion: "apps/v1", resources: [resource("deployments", "Deployment", true, "deploy")] },
};

let server: http.Server;
let baseUrl = "";
let workDir = "";
let kubeVersion = "v1.31.4+k3s1";
const served = new Map<string, Table>();
const tableAccepts: string[] = [];

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), "kube-table-"));
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const reply = (code: number, body: unknown) => {
      res.writeHead(code, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === "/version") {
      const [, minor] = /^v1\.(\d+)/.exec(kubeVersion) ?? [];
      return reply(200, { major: "1", minor, gitVersion: kubeVersion, platform: "linux/amd64" });
    }
    if (url.pathname in DISCOVERY) return reply(200, DISCOVERY[url.pathname]);
    const objects = OBJECTS[url.pathname];
    if (objects) {
      tableAccepts.push(req.headers.accept ?? "");
      const plural = url.pathname.split("/").at(-1) ?? "";
      const include = (url.searchParams.get("includeObject") ?? "Metadata") as IncludeObjectPolicy;
      const table = buildTable(plural, objects, NOW, include, { resourceVersion: "4711" });
      served.set(plural, table);
      return reply(200, table);
    }
    reply(404, { kind: "Status", apiVersion: "v1", status: "Failure", reason: "NotFound", code: 404, message: "not found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(workDir, { recursive: true, force: true });
});

/** Runs kubectl against the loopback server; returns its stdout split into cells per line. */
async function kubectl(...args: string[]): Promise<string[][]> {
  const cacheDir = mkdtempSync(path.join(workDir, "cache-"));
  const { stdout } = await run("kubectl", ["--server", baseUrl, "--cache-dir", cacheDir, ...args], {
    // A private HOME and an absent kubeconfig: no developer credentials or contexts leak in.
    env: { ...process.env, HOME: workDir, KUBECONFIG: path.join(workDir, "none.yaml") },
    timeout: 20_000,
  });
  // kubectl's tabwriter pads columns with ≥ 3 spaces; no cell here holds two spaces in a row.
  return stdout.trimEnd().split("\n").map((line) => line.trimEnd().split(/ {2,}/));
}

/** What kubectl should print for a served table: header plus priority-filtered cells. */
function expectedLines(table: Table | undefined, wide: boolean): string[][] {
  if (!table) throw new Error("table was not served");
  const keep = table.columnDefinitions.map((c) => wide || c.priority === 0);
  return [
    table.columnDefinitions.filter((_, i) => keep[i]).map((c) => c.name.toUpperCase()),
    ...table.rows.map((r) => r.cells.filter((_, i) => keep[i]).map(String)),
  ];
}

describe("real kubectl prints our Tables", () => {
  it.each(["v1.27.16+k3s1", "v1.31.4+k3s1", "v1.33.5+k3s1"])("get pods -o wide (server %s)", async (version) => {
    kubeVersion = version;
    const lines = await kubectl("get", "pods", "-o", "wide");
    expect(lines).toEqual(expectedLines(served.get("pods"), true));
    expect(lines).toContainEqual(["sensor-bridge-5f6d8c7b9-qw4rt", "0/1", "CrashLoopBackOff", "7 (2m30s ago)", "45m", "10.42.1.31", "agent-01", "<none>", "<none>"]);
    expect(tableAccepts.at(-1)).toContain("as=Table;v=v1;g=meta.k8s.io");
  });

  it("get pods hides the priority-1 columns", async () => {
    kubeVersion = "v1.31.4+k3s1";
    const lines = await kubectl("get", "pods");
    expect(lines[0]).toEqual(["NAME", "READY", "STATUS", "RESTARTS", "AGE"]);
    expect(lines).toEqual(expectedLines(served.get("pods"), false));
    expect(lines).toContainEqual(["gateway-6f8b9d7c5-mn2pq", "2/2", "Running", "1 (10m ago)", "3h12m"]);
  });

  it("get pods --sort-by asks for includeObject=Object and sorts on our full objects", async () => {
    const lines = await kubectl("get", "pods", "--sort-by=.metadata.creationTimestamp");
    expect(served.get("pods")?.rows[0]?.object).toMatchObject({ kind: "Pod", apiVersion: "v1" });
    const names = lines.slice(1).map((cells) => cells[0]);
    // Oldest first: the 2y30d watchdog, then the 20d node-lost pod; the 4-second-old last.
    expect(names.slice(0, 2)).toEqual(["watchdog-2b3c4d-9kq8s", "web-7d9c6b5f4-lost1"]);
    expect(names.at(-1)).toBe("mqtt-broker-0");
    expect(names).toHaveLength(listFixtures("pods").length);
  });

  it("get nodes -o wide", async () => {
    const lines = await kubectl("get", "nodes", "-o", "wide");
    expect(lines).toEqual(expectedLines(served.get("nodes"), true));
    expect(lines).toContainEqual(["server-01", "Ready", "control-plane,etcd,master", "45d", "v1.31.4+k3s1", "192.168.50.10", "<none>", "Ubuntu 24.04.1 LTS", "6.8.0-51-generic", "containerd://1.7.23-k3s2"]);
    expect(lines).toContainEqual(["rpi-gateway-12", "Ready", "agent,edge", "3y120d", "v1.29.5-kubeedge-v1.18.0", "10.20.30.12", "<none>", "Debian GNU/Linux 12 (bookworm)", "6.6.31+rpt-rpi-v8", "containerd://1.7.2"]);
  });

  it("get deploy, get svc, get events", async () => {
    expect(await kubectl("get", "deploy")).toEqual([
      ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"],
      ["web", "2/3", "3", "2", "2d3h"],
    ]);
    expect(await kubectl("get", "svc")).toEqual([
      ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"],
      ["kubernetes", "ClusterIP", "10.43.0.1", "<none>", "443/TCP", "45d"],
      ["traefik", "LoadBalancer", "10.43.88.2", "<pending>", "80:30080/TCP,443:30443/TCP", "45d"],
    ]);
    expect(await kubectl("get", "events")).toEqual([
      ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"],
      ["2m30s", "Warning", "BackOff", "pod/sensor-bridge-5f6d8c7b9-qw4rt", "Back-off restarting failed container bridge"],
    ]);
  });
});
