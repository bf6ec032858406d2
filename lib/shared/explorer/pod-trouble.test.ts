import { describe, expect, it } from "vitest";
import { loadFixture } from "../kube/__fixtures__/load-fixture";
import type { KubeObjectLike } from "../kube/types";
import { podTrouble } from "./pod-trouble";

const pod = (name: string) => loadFixture<KubeObjectLike>(`pods/${name}.json`);

describe("podTrouble: why a pod's containers fail, before the YAML", () => {
  it("a crash-looping container: waiting reason, restarts, last exit code and reason, previous log", () => {
    const [trouble, ...rest] = podTrouble(pod("crashloop-backoff"));
    expect(rest).toEqual([]);
    expect(trouble).toMatchObject({ container: "bridge", init: false, reason: "CrashLoopBackOff", restarts: 7, hasPreviousLog: true });
    expect(trouble?.message).toContain("back-off 5m0s");
    expect(trouble?.lastTerminated).toMatchObject({ reason: "Error", exitCode: 1 });
    expect(trouble?.lastTerminated?.finishedAt).toMatch(/^2025-06-01T/);
  });

  it("an OOM-killed container and an image that cannot be pulled", () => {
    expect(podTrouble(pod("oomkilled")).map((t) => t.lastTerminated?.reason ?? t.reason)).toContain("OOMKilled");
    expect(podTrouble(pod("imagepullbackoff"))[0]).toMatchObject({ reason: "ImagePullBackOff", lastTerminated: null, hasPreviousLog: false });
  });

  it("a failing init container is named as one", () => {
    expect(podTrouble(pod("init-crashloop"))[0]).toMatchObject({ init: true, reason: "CrashLoopBackOff" });
  });

  it("healthy, starting and completed pods have no trouble", () => {
    for (const name of ["running-ready", "containercreating", "completed-job", "init-running"]) expect(podTrouble(pod(name)), name).toEqual([]);
  });
});
