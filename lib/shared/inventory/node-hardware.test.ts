import { describe, expect, it } from "vitest";
import { countBy } from "./count-inventory";
import { gibibytes, memoryBytes } from "./format-memory";
import { inventoryCsv } from "./inventory-csv";
import type { TInventoryNode } from "./inventory.schema";
import { isAccelerator, isRealtimeKernel, nodeHardware } from "./node-hardware";

const jetson = {
  metadata: { name: "jetson", labels: { "kubernetes.io/arch": "arm64" } },
  spec: { taints: [{ key: "nvidia.com/gpu", value: "present", effect: "NoSchedule" }] },
  status: {
    capacity: { cpu: "8", memory: "16012000Ki", pods: "110", "ephemeral-storage": "61255492Ki", "hugepages-2Mi": "0", "nvidia.com/gpu": "1" },
    allocatable: { cpu: "8", memory: "15909600Ki", pods: "110", "nvidia.com/gpu": "1" },
    nodeInfo: { architecture: "arm64", operatingSystem: "linux", osImage: "Ubuntu 22.04.4 LTS", kernelVersion: "5.15.136-tegra", containerRuntimeVersion: "containerd://1.7.23-k3s2", kubeletVersion: "v1.31.4+k3s1" },
  },
};

describe("nodeHardware", () => {
  it("reads what kubectl describe node shows, extended resources without zero ones, agents as 'agent'", () => {
    expect(nodeHardware(jetson)).toEqual({
      name: "jetson",
      architecture: "arm64",
      operatingSystem: "linux",
      osImage: "Ubuntu 22.04.4 LTS",
      kernelVersion: "5.15.136-tegra",
      containerRuntime: "containerd://1.7.23-k3s2",
      kubeletVersion: "v1.31.4+k3s1",
      roles: ["agent"],
      cpuCapacity: "8",
      memoryCapacity: "16012000Ki",
      cpuAllocatable: "8",
      memoryAllocatable: "15909600Ki",
      extended: { "nvidia.com/gpu": "1" },
      accelerators: 1,
      taints: [{ key: "nvidia.com/gpu", value: "present", effect: "NoSchedule" }],
      realtime: false,
    });
  });

  it("lists control-plane roles as kubectl's ROLES column does", () => {
    const server = { metadata: { name: "s", labels: { "node-role.kubernetes.io/control-plane": "true", "node-role.kubernetes.io/master": "true", "node-role.kubernetes.io/etcd": "true" } } };
    expect(nodeHardware(server).roles).toEqual(["control-plane", "etcd", "master"]);
  });

  it.each([
    ["6.1.0-28-rt-amd64", {}, true],
    ["5.15.0-1032-realtime", {}, true],
    ["6.6.51+rpt-rpi-2712", {}, false],
    ["5.15.0-126-generic", { "feature.node.kubernetes.io/kernel-config.PREEMPT_RT": "true" }, true],
    ["6.6.20-starfive", {}, false],
  ])("real-time kernel %s %o → %s", (kernel, labels, expected) => {
    expect(isRealtimeKernel(kernel, labels)).toBe(expected);
  });

  it.each([
    ["nvidia.com/gpu", true],
    ["amd.com/gpu", true],
    ["gpu.intel.com/i915", true],
    ["rockchip.com/npu", true],
    ["hugepages-2Mi", false],
    ["smarter-devices/ttyUSB0", false],
  ])("accelerator %s → %s", (name, expected) => expect(isAccelerator(name)).toBe(expected));
});

const node = (over: Partial<TInventoryNode>): TInventoryNode => ({ ...nodeHardware(jetson), clusterId: "a", clusterName: "A", ready: true, collectedAt: "2026-12-07T00:00:00.000Z", ...over });

describe("inventory counts and CSV", () => {
  it("counts nodes and distinct clusters per value, most nodes first", () => {
    const nodes = [node({ name: "1" }), node({ name: "2", clusterId: "b" }), node({ name: "3", architecture: "riscv64", extended: {} })];
    expect(countBy(nodes, "arch")).toEqual([
      { value: "arm64", nodes: 2, clusters: 2 },
      { value: "riscv64", nodes: 1, clusters: 1 },
    ]);
    expect(countBy(nodes, "resource")).toEqual([{ value: "nvidia.com/gpu", nodes: 2, clusters: 2 }]);
  });

  it("quotes fields with commas and neutralises spreadsheet formulas", () => {
    const csv = inventoryCsv([node({ name: "=HYPERLINK(1)", osImage: 'Debian "12", bookworm' })]);
    const [header, line] = csv.split("\r\n");
    expect(header!.split(",")[0]).toBe("cluster");
    expect(line).toContain("'=HYPERLINK(1)");
    expect(line).toContain('"Debian ""12"", bookworm"');
  });

  it("reads memory quantities", () => {
    expect(memoryBytes("16Gi")).toBe(16 * 2 ** 30);
    expect(gibibytes("8245000Ki")).toBe("7.9");
    expect(gibibytes("lots")).toBeNull();
  });
});
