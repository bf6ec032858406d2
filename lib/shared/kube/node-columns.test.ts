import { describe, expect, it } from "vitest";
import { FIXTURE_NOW, listFixtures, loadFixture } from "./__fixtures__/load-fixture";
import { nodeRoles, nodeRow, nodeStatus, type NodeRow } from "./node-columns";
import type { NodeLike } from "./types";

// Derived from printNode/findNodeRoles by hand, now = 2025-06-01T12:00:00Z.
const CASES: [fixture: string, expected: NodeRow][] = [
  // k3s server labels control-plane/master/etcd = "true": roles are the label suffixes, sorted
  ["k3s-server", { name: "server-01", status: "Ready", roles: "control-plane,etcd,master", age: "45d", version: "v1.31.4+k3s1", internalIp: "192.168.50.10", externalIp: "<none>", osImage: "Ubuntu 24.04.1 LTS", kernelVersion: "6.8.0-51-generic", containerRuntime: "containerd://1.7.23-k3s2" }],
  ["k3s-agent", { name: "agent-01", status: "Ready", roles: "<none>", age: "44d", version: "v1.31.4+k3s1", internalIp: "192.168.50.11", externalIp: "203.0.113.21", osImage: "Ubuntu 24.04.1 LTS", kernelVersion: "6.8.0-51-generic", containerRuntime: "containerd://1.7.23-k3s2" }],
  ["notready", { name: "agent-02", status: "NotReady", roles: "<none>", age: "30d", version: "v1.31.4+k3s1", internalIp: "192.168.50.12", externalIp: "<none>", osImage: "Ubuntu 24.04.1 LTS", kernelVersion: "6.8.0-51-generic", containerRuntime: "containerd://1.7.23-k3s2" }],
  // Ready=Unknown (kubelet stopped posting): anything but True prints "NotReady"
  ["unknown-stopped-posting", { name: "edge-07", status: "NotReady", roles: "<none>", age: "120d", version: "v1.30.8+k3s1", internalIp: "10.8.0.7", externalIp: "<none>", osImage: "Debian GNU/Linux 12 (bookworm)", kernelVersion: "6.6.51+rpt-rpi-2712", containerRuntime: "containerd://1.7.23-k3s2" }],
  // no Ready condition yet → "Unknown"; empty nodeInfo fields → "<unknown>"
  ["registering-no-conditions", { name: "agent-05", status: "Unknown", roles: "<none>", age: "4s", version: "v1.31.4+k3s1", internalIp: "192.168.50.15", externalIp: "<none>", osImage: "<unknown>", kernelVersion: "<unknown>", containerRuntime: "<unknown>" }],
  ["cordoned", { name: "agent-03", status: "Ready,SchedulingDisabled", roles: "worker", age: "200d", version: "v1.31.4+k3s1", internalIp: "192.168.50.13", externalIp: "<none>", osImage: "Ubuntu 24.04.1 LTS", kernelVersion: "6.8.0-51-generic", containerRuntime: "containerd://1.7.23-k3s2" }],
  // KubeEdge: node-role.kubernetes.io/agent="" and /edge=""; 1215 days → "3y120d"
  ["kubeedge-edge", { name: "rpi-gateway-12", status: "Ready", roles: "agent,edge", age: "3y120d", version: "v1.29.5-kubeedge-v1.18.0", internalIp: "10.20.30.12", externalIp: "<none>", osImage: "Debian GNU/Linux 12 (bookworm)", kernelVersion: "6.6.31+rpt-rpi-v8", containerRuntime: "containerd://1.7.2" }],
  // kubernetes.io/role=worker and node-role.kubernetes.io/worker collapse; empty suffix ignored
  ["legacy-role-label", { name: "worker-legacy", status: "Ready", roles: "ingress,worker", age: "9y", version: "v1.31.4+k3s1", internalIp: "<none>", externalIp: "<none>", osImage: "Ubuntu 24.04.1 LTS", kernelVersion: "6.8.0-51-generic", containerRuntime: "docker://27.3.1" }],
];

describe("nodeRow on realistic node fixtures", () => {
  it.each(CASES)("%s", (fixture, expected) => {
    const node = loadFixture<NodeLike>(`nodes/${fixture}.json`);
    expect(nodeRow(node, FIXTURE_NOW)).toEqual(expected);
    expect(nodeStatus(node)).toBe(expected.status);
    expect(nodeRoles(node)).toBe(expected.roles);
  });

  it("has an expectation for every node fixture file", () => {
    expect(CASES.map(([f]) => f).sort()).toEqual(listFixtures("nodes"));
    expect(CASES.length).toBeGreaterThanOrEqual(6);
  });
});

describe("nodeStatus edge cases", () => {
  it("uses the last Ready condition when several are present (printNode builds a map)", () => {
    const node: NodeLike = {
      status: { conditions: [{ type: "Ready", status: "False" }, { type: "Ready", status: "True" }] },
    };
    expect(nodeStatus(node)).toBe("Ready");
  });

  it("prints Unknown,SchedulingDisabled for a cordoned node without conditions", () => {
    expect(nodeStatus({ spec: { unschedulable: true } })).toBe("Unknown,SchedulingDisabled");
  });

  it("ignores an empty kubernetes.io/role value", () => {
    expect(nodeRoles({ metadata: { labels: { "kubernetes.io/role": "" } } })).toBe("<none>");
  });
});
