// kubectl set image, create job --from=cronjob and CronJob suspend/resume through the
// console, as the user, audited, operator/admin only (strict simulator, real agent tunnel).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db/prisma";
import { kubeJson } from "@/lib/server/k8s/kube-request";
import { callRoute } from "../helpers/routes";
import { eventually, startExplorerFixture, type ExplorerFixture } from "./explorer-fixture";

const ADMIN = { username: "ada", role: "admin" } as const;
const ID = "wact";
type Containers = { containers: Array<{ name: string; image: string }>; initContainers?: Array<{ name: string; image: string }> };

describe("workload actions", () => {
  let fx: ExplorerFixture;
  beforeAll(async () => {
    fx = await startExplorerFixture(ID);
    await kubeJson(ID, ADMIN, {
      method: "POST",
      path: "/apis/batch/v1/namespaces/demo/cronjobs",
      body: { apiVersion: "batch/v1", kind: "CronJob", metadata: { name: "nightly-report" }, spec: { schedule: "0 3 * * *", jobTemplate: { metadata: { labels: { team: "ops" } }, spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "report", image: "busybox:1.36", command: ["echo", "done"] }] } } } } } },
    });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it("set image patches one container of a Deployment (rolls out) and of a CronJob's template; unknown container 404, same image 409, bad image 422", async () => {
    const url = `/api/v1/clusters/${ID}/deployments/demo/web/image`;
    const before = (await kubeJson<{ spec: { template: { spec: Containers } } }>(ID, ADMIN, { path: "/apis/apps/v1/namespaces/demo/deployments/web" })).spec.template.spec.containers;
    const res = await callRoute("POST", url, { token: fx.tokens.operator, body: { container: "web", image: "nginx:1.28.1" } });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ container: "web", image: "nginx:1.28.1", previous: before[0]!.image });
    const after = (await kubeJson<{ spec: { template: { spec: Containers } } }>(ID, ADMIN, { path: "/apis/apps/v1/namespaces/demo/deployments/web" })).spec.template.spec.containers;
    expect(after.map((c) => [c.name, c.image])).toEqual(before.map((c) => [c.name, c.name === "web" ? "nginx:1.28.1" : c.image]));
    // The change rolls out: pods of the new ReplicaSet run the new image.
    await eventually(async () => {
      const pods = await kubeJson<{ items: Array<{ spec: Containers; status?: { phase?: string } }> }>(ID, ADMIN, { path: "/api/v1/namespaces/demo/pods", query: { labelSelector: "app=web" } });
      return pods.items.some((p) => p.spec.containers[0]!.image === "nginx:1.28.1" && p.status?.phase === "Running");
    }, 20_000, "a web pod on nginx:1.28.1");
    expect((await callRoute("POST", url, { token: fx.tokens.operator, body: { container: "web", image: "nginx:1.28.1" } })).status).toBe(409);
    const missing = await callRoute("POST", url, { token: fx.tokens.operator, body: { container: "sidecar", image: "nginx:1.28.1" } });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain('unable to find container named "sidecar"');
    for (const image of ["", "nginx:1.28 ; rm -rf /", "UPPER/case:1", "x".repeat(600)]) {
      expect((await callRoute("POST", url, { token: fx.tokens.operator, body: { container: "web", image } })).status, image).toBe(422);
    }
    expect((await callRoute("POST", url, { token: fx.tokens.viewer, body: { container: "web", image: "nginx:1.29" } })).status).toBe(403);

    const cj = await callRoute("POST", `/api/v1/clusters/${ID}/cronjobs/demo/nightly-report/image`, { token: fx.tokens.admin, body: { container: "report", image: "registry.local:5000/tools/busybox@sha256:" + "a".repeat(64) } });
    expect(cj.status, await cj.clone().text()).toBe(200);
    const live = await kubeJson<{ spec: { jobTemplate: { spec: { template: { spec: Containers } } } } }>(ID, ADMIN, { path: "/apis/batch/v1/namespaces/demo/cronjobs/nightly-report" });
    expect(live.spec.jobTemplate.spec.template.spec.containers[0]!.image).toBe("registry.local:5000/tools/busybox@sha256:" + "a".repeat(64));
    const audit = await prisma.auditEvent.findFirst({ where: { action: "k8s.deployment.set-image", outcome: "success" } });
    expect(audit).toMatchObject({ actorName: "opal", details: { namespace: "demo", name: "web", container: "web", image: "nginx:1.28.1" } });
  });

  it("trigger runs a Job from the CronJob's template (owner, manual annotation, labels); suspend/resume toggle spec.suspend with 409 on repeats", async () => {
    const base = `/api/v1/clusters/${ID}/cronjobs/demo/nightly-report`;
    const res = await callRoute("POST", `${base}/trigger`, { token: fx.tokens.operator });
    expect(res.status, await res.clone().text()).toBe(200);
    const { job } = (await res.json()) as { job: string };
    expect(job).toMatch(/^nightly-report-manual-[a-z0-9]{5}$/);
    const created = await kubeJson<{ metadata: { labels?: Record<string, string>; annotations?: Record<string, string>; ownerReferences?: Array<{ kind: string; name: string; controller?: boolean }> }; spec: { template: { spec: Containers } } }>(ID, ADMIN, { path: `/apis/batch/v1/namespaces/demo/jobs/${job}` });
    expect(created.metadata.annotations?.["cronjob.kubernetes.io/instantiate"]).toBe("manual");
    expect(created.metadata.labels?.team).toBe("ops");
    expect(created.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: "CronJob", name: "nightly-report", controller: true })]);
    // The job controller starts its pod.
    await eventually(async () => (await kubeJson<{ items: unknown[] }>(ID, ADMIN, { path: "/api/v1/namespaces/demo/pods", query: { labelSelector: `job-name=${job}` } })).items.length > 0, 15_000, "the Job's pod");
    expect(await prisma.auditEvent.findFirst({ where: { action: "k8s.cronjob.trigger" } })).toMatchObject({ actorName: "opal", outcome: "success", details: { name: "nightly-report", job } });

    expect((await callRoute("POST", `${base}/suspend`, { token: fx.tokens.operator })).status).toBe(200);
    expect((await kubeJson<{ spec: { suspend?: boolean } }>(ID, ADMIN, { path: "/apis/batch/v1/namespaces/demo/cronjobs/nightly-report" })).spec.suspend).toBe(true);
    expect((await callRoute("POST", `${base}/suspend`, { token: fx.tokens.operator })).status).toBe(409);
    expect((await callRoute("POST", `${base}/resume`, { token: fx.tokens.operator })).status).toBe(200);
    expect((await kubeJson<{ spec: { suspend?: boolean } }>(ID, ADMIN, { path: "/apis/batch/v1/namespaces/demo/cronjobs/nightly-report" })).spec.suspend).toBe(false);
    expect((await callRoute("POST", `${base}/trigger`, { token: fx.tokens.viewer })).status).toBe(403);
    expect((await callRoute("POST", `/api/v1/clusters/${ID}/cronjobs/demo/missing/trigger`, { token: fx.tokens.operator })).status).toBe(404);
    expect((await callRoute("POST", "/api/v1/clusters/nope/cronjobs/demo/nightly-report/suspend", { token: fx.tokens.operator })).status).toBe(404);
  });
});
