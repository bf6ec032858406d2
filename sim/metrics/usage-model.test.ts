import { describe, expect, it } from "vitest";
import type { KubeObject, Pod } from "../store/kube-types";
import { formatCpu, formatMemory, parseQuantity } from "./quantity";
import { containerUsage, LOAD_ANNOTATION, nodeUsage } from "./usage-model";

const running = (name: string, restartCount = 0, startedAt = "2026-01-01T00:00:00Z") => ({ name, image: "x", imageID: "", ready: true, restartCount, state: { running: { startedAt } }, lastState: {} });

function pod(uid: string, opts: { load?: string; requests?: Record<string, string>; limits?: Record<string, string>; waiting?: boolean } = {}): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: uid, namespace: "d", uid, resourceVersion: "1", creationTimestamp: "2026-01-01T00:00:00Z", ...(opts.load ? { annotations: { [LOAD_ANNOTATION]: opts.load } } : {}) },
    spec: { containers: [{ name: "app", image: "ghcr.io/example/api:1", resources: { requests: opts.requests, limits: opts.limits } }] },
    status: { phase: "Running", containerStatuses: [opts.waiting ? { ...running("app"), state: { waiting: { reason: "CrashLoopBackOff" } } } : running("app")] },
  } as unknown as Pod;
}

const node = { apiVersion: "v1", kind: "Node", metadata: { name: "n1", uid: "n", resourceVersion: "1", creationTimestamp: "", labels: { "node-role.kubernetes.io/control-plane": "true" } }, status: { allocatable: { cpu: "2", memory: "1Gi" } } } as unknown as KubeObject;

describe("metrics usage model", () => {
  it("parses and formats quantities like metrics-server", () => {
    expect(parseQuantity("250m")).toBe(0.25);
    expect(parseQuantity("128Mi")).toBe(128 * 2 ** 20);
    expect(parseQuantity("8029620Ki")).toBe(8029620 * 1024);
    expect(parseQuantity("1.5")).toBe(1.5);
    expect(parseQuantity("abc")).toBeUndefined();
    expect(formatCpu(0.0123)).toBe("12300000n");
    expect(formatMemory(2 ** 20)).toBe("1024Ki");
  });

  it("is stable within a window and moves between windows", () => {
    const p = pod("a", { requests: { cpu: "200m" } });
    expect(containerUsage(1, p, 100)).toEqual(containerUsage(1, p, 100));
    const cpus = new Set([100, 101, 102, 103].map((w) => containerUsage(1, p, w)[0]!.usage.cpu));
    expect(cpus.size).toBe(4);
  });

  it("busy uses more than normal, idle less; a crash-looping container nothing", () => {
    const requests = { cpu: "500m", memory: "256Mi" };
    for (const w of [1, 2, 3, 4, 5]) {
      const busy = containerUsage(7, pod("b", { load: "busy", requests }), w)[0]!.usage;
      const normal = containerUsage(7, pod("n", { requests }), w)[0]!.usage;
      const idle = containerUsage(7, pod("i", { load: "idle", requests }), w)[0]!.usage;
      expect(busy.cpu).toBeGreaterThan(normal.cpu);
      expect(normal.cpu).toBeGreaterThan(idle.cpu);
      expect(busy.cpu).toBeLessThan(0.5 * 1.3 + 0.01);
    }
    expect(containerUsage(7, pod("c", { waiting: true }), 1)[0]!.usage).toEqual({ cpu: 0, memory: 0 });
  });

  it("stays within limits and the node's allocatable", () => {
    for (const w of [1, 2, 3]) {
      const u = containerUsage(3, pod("l", { load: "busy", requests: { cpu: "2", memory: "1Gi" }, limits: { cpu: "300m", memory: "64Mi" } }), w)[0]!.usage;
      expect(u.cpu).toBeLessThanOrEqual(0.3);
      expect(u.memory).toBeLessThanOrEqual(64 * 2 ** 20 * 0.95);
      const n = nodeUsage(3, node, [{ cpu: 5, memory: 2 ** 31 }], w);
      expect(n).toEqual({ cpu: 2, memory: 2 ** 30 });
      const small = nodeUsage(3, node, [{ cpu: 0.1, memory: 2 ** 20 }], w);
      expect(small.cpu).toBeGreaterThan(0.1 + 0.12);
      expect(small.memory).toBeGreaterThan(2 ** 20 + 680 * 2 ** 20);
    }
  });
});
