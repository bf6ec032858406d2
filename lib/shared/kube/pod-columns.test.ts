import { describe, expect, it } from "vitest";
import { FIXTURE_NOW, listFixtures, loadFixture } from "./__fixtures__/load-fixture";
import { podReady, podRestarts, podRow, podRowConditions, podStatus, type PodRow } from "./pod-columns";
import type { PodLike } from "./types";

type Expected = Omit<PodRow, "namespace">;

// Each expectation is derived by walking printPod (printers.go) over the fixture by hand,
// with now = 2025-06-01T12:00:00Z; comments name the branch that decides the STATUS.
const CASES: [fixture: string, expected: Expected][] = [
  // phase Running, container running and ready
  ["running-ready", { name: "web-7d9c6b5f4-x2k8p", ready: "1/1", status: "Running", restarts: "0", age: "2d3h", ip: "10.42.1.15", node: "edge-01", nominatedNode: "<none>", readinessGates: "<none>" }],
  // waiting.reason wins; restarts count + lastState.terminated.finishedAt 150s ago
  ["crashloop-backoff", { name: "sensor-bridge-5f6d8c7b9-qw4rt", ready: "0/1", status: "CrashLoopBackOff", restarts: "7 (2m30s ago)", age: "45m", ip: "10.42.1.31", node: "agent-01", nominatedNode: "<none>", readinessGates: "<none>" }],
  // first init container Completed (exit 0) → skipped; second running → default "Init:1/2"
  ["init-running", { name: "db-migrate-0", ready: "0/1", status: "Init:1/2", restarts: "0", age: "3m20s", ip: "10.42.2.7", node: "agent-01", nominatedNode: "<none>", readinessGates: "<none>" }],
  // init waiting reason ≠ PodInitializing → "Init:" + reason; init restarts kept (not initialized)
  ["init-crashloop", { name: "telemetry-agent-8h2jx", ready: "0/1", status: "Init:CrashLoopBackOff", restarts: "3 (40s ago)", age: "12m", ip: "10.42.3.4", node: "agent-01", nominatedNode: "<none>", readinessGates: "<none>" }],
  // init terminated with a reason → "Init:Error"
  ["init-error", { name: "report-gen-28fz9", ready: "0/1", status: "Init:Error", restarts: "0", age: "6m", ip: "10.42.1.40", node: "agent-01", nominatedNode: "<none>", readinessGates: "<none>" }],
  // init terminated, no reason, no signal → "Init:ExitCode:2"
  ["init-exitcode", { name: "ota-apply-kl3m2", ready: "0/1", status: "Init:ExitCode:2", restarts: "2 (70s ago)", age: "9m", ip: "10.42.2.19", node: "agent-01", nominatedNode: "<none>", readinessGates: "<none>" }],
  // init terminated, no reason, signal 9 → "Init:Signal:9"
  ["init-signal", { name: "firmware-sync-zz81q", ready: "0/1", status: "Init:Signal:9", restarts: "0", age: "2m", ip: "10.42.2.20", node: "agent-01", nominatedNode: "<none>", readinessGates: "<none>" }],
  // started sidecar counts in READY (1 + 1 of 2) and its restarts survive initialization
  ["sidecar-running", { name: "gateway-6f8b9d7c5-mn2pq", ready: "2/2", status: "Running", restarts: "1 (10m ago)", age: "3h12m", ip: "10.42.1.50", node: "agent-01", nominatedNode: "<none>", readinessGates: "<none>" }],
  // sidecar running but not yet started → default branch "Init:0/2"; total includes sidecar
  ["sidecar-starting", { name: "gateway-6f8b9d7c5-zt7wv", ready: "0/2", status: "Init:0/2", restarts: "0", age: "20s", ip: "10.42.1.51", node: "agent-01", nominatedNode: "<none>", readinessGates: "<none>" }],
  // deletionTimestamp on a non-terminal pod → "Terminating"
  ["terminating", { name: "web-7d9c6b5f4-ab12c", ready: "1/1", status: "Terminating", restarts: "0", age: "6d5h", ip: "10.42.1.16", node: "edge-01", nominatedNode: "<none>", readinessGates: "<none>" }],
  // status.reason replaces the phase; no container statuses to override it
  ["evicted", { name: "inference-5c7d9f8b6-4xk2n", ready: "0/1", status: "Evicted", restarts: "0", age: "3d2h", ip: "<none>", node: "agent-02", nominatedNode: "<none>", readinessGates: "<none>" }],
  // a terminated container's reason overrides status.reason "Evicted"
  ["evicted-container-unknown", { name: "inference-5c7d9f8b6-p9w3z", ready: "0/1", status: "ContainerStatusUnknown", restarts: "1 (8d ago)", age: "9d", ip: "10.42.2.33", node: "agent-02", nominatedNode: "<none>", readinessGates: "<none>" }],
  ["completed-job", { name: "backup-29143800-7hjkq", ready: "0/1", status: "Completed", restarts: "0", age: "100m", ip: "10.42.1.60", node: "agent-01", nominatedNode: "<none>", readinessGates: "<none>" }],
  ["error", { name: "smoke-test-4m9xz", ready: "0/1", status: "Error", restarts: "0", age: "25h", ip: "10.42.3.12", node: "agent-01", nominatedNode: "<none>", readinessGates: "<none>" }],
  ["oomkilled", { name: "cache-6c8d7b9f5-t5r2w", ready: "0/1", status: "OOMKilled", restarts: "2 (5m10s ago)", age: "5h2m", ip: "10.42.1.70", node: "agent-01", nominatedNode: "<none>", readinessGates: "<none>" }],
  ["imagepullbackoff", { name: "ui-8f7e6d5c4-zz9yx", ready: "0/1", status: "ImagePullBackOff", restarts: "0", age: "15m", ip: "10.42.2.44", node: "agent-01", nominatedNode: "<none>", readinessGates: "<none>" }],
  ["errimagepull", { name: "ui-8f7e6d5c4-q1w2e", ready: "0/1", status: "ErrImagePull", restarts: "0", age: "50s", ip: "10.42.2.45", node: "agent-01", nominatedNode: "<none>", readinessGates: "<none>" }],
  ["containercreating", { name: "mqtt-broker-0", ready: "0/1", status: "ContainerCreating", restarts: "0", age: "8s", ip: "<none>", node: "agent-01", nominatedNode: "<none>", readinessGates: "<none>" }],
  // no node, no statuses: the phase
  ["pending-unschedulable", { name: "gpu-worker-7b8c9d-lk4j3", ready: "0/1", status: "Pending", restarts: "0", age: "2m5s", ip: "<none>", node: "<none>", nominatedNode: "<none>", readinessGates: "<none>" }],
  ["pending-nominated", { name: "critical-ingest-0", ready: "0/1", status: "Pending", restarts: "0", age: "30s", ip: "<none>", node: "<none>", nominatedNode: "agent-02", readinessGates: "<none>" }],
  // "Completed" from one container while another runs, Ready condition False → "NotReady"
  ["notready-running", { name: "collector-5d6e7f8a9-h3j4k", ready: "1/2", status: "NotReady", restarts: "0", age: "7h59m", ip: "10.42.1.80", node: "agent-01", nominatedNode: "<none>", readinessGates: "<none>" }],
  // deletionTimestamp + status.reason NodeLost → "Unknown"
  ["nodelost-unknown", { name: "web-7d9c6b5f4-lost1", ready: "1/1", status: "Unknown", restarts: "0", age: "20d", ip: "10.42.4.9", node: "edge-07", nominatedNode: "<none>", readinessGates: "<none>" }],
  // PodScheduled condition with reason SchedulingGated
  ["scheduling-gated", { name: "batch-runner-x8c2v", ready: "0/1", status: "SchedulingGated", restarts: "0", age: "3h7m", ip: "<none>", node: "<none>", nominatedNode: "<none>", readinessGates: "<none>" }],
  // IP is podIPs[0] (IPv6 first here); one of two readiness gates True
  ["readiness-gates", { name: "lb-backend-9c8b7a6d5-r4t5y", ready: "1/1", status: "Running", restarts: "0", age: "2d23h", ip: "fd00:10:42::1a", node: "agent-01", nominatedNode: "<none>", readinessGates: "1/2" }],
  // terminated without reason, signal 15 → "Signal:15"; 760 days → "2y30d"
  ["terminated-signal", { name: "watchdog-2b3c4d-9kq8s", ready: "0/1", status: "Signal:15", restarts: "12 (120m ago)", age: "2y30d", ip: "10.42.0.9", node: "server-01", nominatedNode: "<none>", readinessGates: "<none>" }],
];

describe("podRow on realistic pod fixtures", () => {
  it.each(CASES)("%s", (fixture, expected) => {
    const pod = loadFixture<PodLike>(`pods/${fixture}.json`);
    expect(podRow(pod, FIXTURE_NOW)).toEqual({ ...expected, namespace: "default" });
    expect(podStatus(pod)).toBe(expected.status);
    expect(podReady(pod)).toBe(expected.ready);
    expect(podRestarts(pod, FIXTURE_NOW)).toBe(expected.restarts);
  });

  it("has an expectation for every pod fixture file", () => {
    expect(CASES.map(([f]) => f).sort()).toEqual(listFixtures("pods"));
    expect(CASES.length).toBeGreaterThanOrEqual(15);
  });
});

describe("podStatus edge cases from printPod", () => {
  const base: PodLike = {
    metadata: { name: "p", namespace: "ns", creationTimestamp: "2025-06-01T11:00:00Z" },
    spec: { containers: [{ name: "a" }, { name: "b" }] },
    status: { phase: "Running" },
  };

  it("lets the first container's state win (statuses are walked backwards)", () => {
    const pod: PodLike = {
      ...base,
      status: {
        phase: "Running",
        containerStatuses: [
          { name: "a", ready: false, restartCount: 0, state: { waiting: { reason: "CrashLoopBackOff" } } },
          { name: "b", ready: false, restartCount: 0, state: { waiting: { reason: "ImagePullBackOff" } } },
        ],
      },
    };
    expect(podStatus(pod)).toBe("CrashLoopBackOff");
  });

  it("keeps Running for a Completed container beside a running one when Ready is True", () => {
    const pod: PodLike = {
      ...base,
      status: {
        phase: "Running",
        conditions: [{ type: "Ready", status: "True" }],
        containerStatuses: [
          { name: "a", ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: "Completed" } } },
          { name: "b", ready: true, restartCount: 0, state: { running: {} } },
        ],
      },
    };
    expect(podStatus(pod)).toBe("Running");
    expect(podReady(pod)).toBe("1/2");
  });

  it("prints ExitCode:N for a terminated container without reason or signal", () => {
    const pod: PodLike = {
      ...base,
      spec: { containers: [{ name: "a" }] },
      status: { phase: "Running", containerStatuses: [{ name: "a", ready: false, restartCount: 0, state: { terminated: { exitCode: 3 } } }] },
    };
    expect(podStatus(pod)).toBe("ExitCode:3");
  });

  it("does not mark a finished pod Terminating", () => {
    const pod = loadFixture<PodLike>("pods/completed-job.json");
    const deleting: PodLike = { ...pod, metadata: { ...pod.metadata, deletionTimestamp: "2025-06-01T11:59:00Z" } };
    expect(podStatus(deleting)).toBe("Completed");
  });

  it("prints a bare restart count when no termination time is known", () => {
    const pod: PodLike = {
      ...base,
      spec: { containers: [{ name: "a" }] },
      status: { phase: "Running", containerStatuses: [{ name: "a", ready: true, restartCount: 4, state: { running: {} } }] },
    };
    expect(podRestarts(pod, FIXTURE_NOW)).toBe("4");
  });

  it("prints an empty status for an object without status, like printPod", () => {
    expect(podRow({ metadata: { name: "bare" } }, FIXTURE_NOW)).toMatchObject({ ready: "0/0", status: "", age: "<unknown>" });
  });

  it("marks finished pods with the apiserver's Completed row condition", () => {
    expect(podRowConditions(loadFixture<PodLike>("pods/completed-job.json"))?.[0]).toMatchObject({ type: "Completed", reason: "Succeeded" });
    expect(podRowConditions(loadFixture<PodLike>("pods/error.json"))?.[0]).toMatchObject({ type: "Completed", reason: "Failed" });
    expect(podRowConditions(loadFixture<PodLike>("pods/running-ready.json"))).toBeUndefined();
  });
});
