import { describe, expect, it } from "vitest";
import { listFixtures, loadFixture } from "../kube/__fixtures__/load-fixture";
import type { NodeLike, PodLike } from "../kube/types";
import { isCrashLoopingStatus, isFailingPodStatus, projectDeployment, projectEvent, projectNode, projectPod } from "./project-objects";

// Which kube fixtures a NOC should count as failing: derived from each fixture's kubectl
// STATUS (see lib/shared/kube/pod-columns.test.ts for the STATUS of each).
const FAILING = new Set([
  "crashloop-backoff",
  "errimagepull",
  "error",
  "evicted",
  "evicted-container-unknown",
  "imagepullbackoff",
  "init-crashloop",
  "init-error",
  "init-exitcode",
  "init-signal",
  "nodelost-unknown",
  "oomkilled",
  "terminated-signal",
]);

describe("pod projection", () => {
  it.each(listFixtures("pods"))("%s is failing exactly when expected", (name) => {
    const pod = projectPod(loadFixture<PodLike>(`pods/${name}.json`));
    expect(pod.name).not.toBe("");
    expect(isFailingPodStatus(pod.status), `${name}: ${pod.status}`).toBe(FAILING.has(name));
  });

  it("counts both CrashLoopBackOff forms as crash-looping", () => {
    expect(projectPod(loadFixture<PodLike>("pods/crashloop-backoff.json")).status).toBe("CrashLoopBackOff");
    expect(isCrashLoopingStatus("CrashLoopBackOff")).toBe(true);
    expect(isCrashLoopingStatus("Init:CrashLoopBackOff")).toBe(true);
    expect(isCrashLoopingStatus("ImagePullBackOff")).toBe(false);
  });

  it("treats init progress and unknown reasons the right way round", () => {
    expect(isFailingPodStatus("Init:1/2")).toBe(false);
    expect(isFailingPodStatus("Init:ImagePullBackOff")).toBe(true);
    expect(isFailingPodStatus("SomethingNew")).toBe(true);
    expect(isFailingPodStatus("Completed")).toBe(false);
  });
});

describe("node projection", () => {
  it("reads readiness like kubectl's STATUS and keeps the transition time", () => {
    const ready = projectNode(loadFixture<NodeLike>("nodes/k3s-agent.json"));
    expect(ready.ready).toBe(true);
    expect(ready.kubeletVersion).toMatch(/^v1\./);
    const notReady = projectNode(loadFixture<NodeLike>("nodes/notready.json"));
    expect(notReady.ready).toBe(false);
    expect(projectNode(loadFixture<NodeLike>("nodes/unknown-stopped-posting.json")).ready).toBe(false);
    expect(projectNode(loadFixture<NodeLike>("nodes/registering-no-conditions.json")).ready).toBe(false);
    expect(projectNode(loadFixture<NodeLike>("nodes/cordoned.json")).ready).toBe(true);
    expect(notReady.since === null || !Number.isNaN(Date.parse(notReady.since))).toBe(true);
  });
});

describe("deployment and event projections", () => {
  it("defaults desired replicas to 1 and available to 0", () => {
    expect(projectDeployment({ metadata: { name: "d", namespace: "n" } })).toMatchObject({ desired: 1, available: 0 });
    expect(projectDeployment({ spec: { replicas: 3 }, status: { availableReplicas: 3 } })).toMatchObject({ desired: 3, available: 3 });
  });

  it("takes the latest known occurrence of an event", () => {
    expect(projectEvent({ lastTimestamp: "2025-06-01T11:00:00Z", metadata: { creationTimestamp: "2025-06-01T10:00:00Z" } }).at).toBe(Date.parse("2025-06-01T11:00:00Z"));
    expect(projectEvent({ series: { lastObservedTime: "2025-06-01T11:30:00Z" }, lastTimestamp: "2025-06-01T11:00:00Z" }).at).toBe(Date.parse("2025-06-01T11:30:00Z"));
    expect(projectEvent({ eventTime: "2025-06-01T09:00:00Z" }).at).toBe(Date.parse("2025-06-01T09:00:00Z"));
    expect(projectEvent({}).at).toBe(0);
  });
});
