import { describe, expect, it } from "vitest";
import { FIXTURE_NOW as NOW } from "./__fixtures__/load-fixture";
import type { CronJobLike, DaemonSetLike, DeploymentLike, JobLike, ReplicaSetLike, StatefulSetLike } from "./types";
import { cronJobRow, daemonSetRow, deploymentRow, jobRow, replicaSetRow, statefulSetRow } from "./workload-columns";

const ago = (s: number) => new Date(NOW.getTime() - s * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
const template = (...containers: [string, string][]) => ({
  spec: { containers: containers.map(([name, image]) => ({ name, image })) },
});

describe("deploymentRow (printDeployment)", () => {
  it("prints READY ready/desired, UP-TO-DATE, AVAILABLE and the wide columns", () => {
    const d: DeploymentLike = {
      metadata: { name: "web", namespace: "default", creationTimestamp: ago(330) },
      spec: {
        replicas: 3,
        selector: { matchLabels: { tier: "frontend", app: "web" } },
        template: template(["nginx", "nginx:1.27.3"], ["exporter", "nginx/nginx-prometheus-exporter:1.3.0"]),
      },
      status: { replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2 },
    };
    expect(deploymentRow(d, NOW)).toEqual({
      name: "web",
      namespace: "default",
      ready: "2/3",
      upToDate: 3,
      available: 2,
      age: "5m30s",
      containers: "nginx,exporter",
      images: "nginx:1.27.3,nginx/nginx-prometheus-exporter:1.3.0",
      selector: "app=web,tier=frontend",
    });
  });

  it("defaults replicas to 1, sorts selector requirements by key and In values", () => {
    const d: DeploymentLike = {
      metadata: { name: "fresh", creationTimestamp: ago(3) },
      spec: {
        selector: {
          matchLabels: { app: "x" },
          matchExpressions: [
            { key: "env", operator: "In", values: ["prod", "dev"] },
            { key: "canary", operator: "DoesNotExist" },
            { key: "zone", operator: "Exists" },
            { key: "tier", operator: "NotIn", values: ["db"] },
          ],
        },
      },
    };
    expect(deploymentRow(d, NOW)).toMatchObject({
      ready: "0/1",
      upToDate: 0,
      available: 0,
      age: "3s",
      containers: "",
      images: "",
      selector: "app=x,!canary,env in (dev,prod),tier notin (db),zone",
    });
  });

  it("prints <invalid> for a selector LabelSelectorAsSelector rejects, and '' for an empty one", () => {
    const bad: DeploymentLike = { spec: { selector: { matchExpressions: [{ key: "a", operator: "Gt", values: ["1"] }] } } };
    expect(deploymentRow(bad, NOW).selector).toBe("<invalid>");
    expect(deploymentRow({ spec: { selector: {} } }, NOW).selector).toBe("");
  });
});

describe("replicaSetRow / daemonSetRow / statefulSetRow", () => {
  it("prints integer counts and FormatLabelSelector", () => {
    const rs: ReplicaSetLike = {
      metadata: { name: "web-7d9c6b5f4", creationTimestamp: ago(2 * 86400 + 3 * 3600) },
      spec: { replicas: 3, selector: { matchLabels: { app: "web", "pod-template-hash": "7d9c6b5f4" } }, template: template(["nginx", "nginx:1.27.3"]) },
      status: { replicas: 3, readyReplicas: 3 },
    };
    expect(replicaSetRow(rs, NOW)).toMatchObject({ desired: 3, current: 3, ready: 3, age: "2d3h", selector: "app=web,pod-template-hash=7d9c6b5f4" });
    expect(replicaSetRow({ spec: { replicas: 0 } }, NOW)).toMatchObject({ desired: 0, current: 0, ready: 0, selector: "<none>" });
  });

  it("prints a DaemonSet's NODE SELECTOR with FormatLabels", () => {
    const ds: DaemonSetLike = {
      metadata: { name: "svclb-traefik", namespace: "kube-system", creationTimestamp: ago(45 * 86400) },
      spec: {
        selector: { matchLabels: { app: "svclb-traefik" } },
        template: { spec: { nodeSelector: { "kubernetes.io/os": "linux" }, containers: [{ name: "lb-tcp-80", image: "rancher/klipper-lb:v0.4.9" }] } },
      },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 },
    };
    expect(daemonSetRow(ds, NOW)).toEqual({
      name: "svclb-traefik",
      namespace: "kube-system",
      desired: 3,
      current: 3,
      ready: 2,
      upToDate: 3,
      available: 2,
      nodeSelector: "kubernetes.io/os=linux",
      age: "45d",
      containers: "lb-tcp-80",
      images: "rancher/klipper-lb:v0.4.9",
      selector: "app=svclb-traefik",
    });
    expect(daemonSetRow({}, NOW).nodeSelector).toBe("<none>");
  });

  it("prints a StatefulSet's READY as ready/desired", () => {
    const sts: StatefulSetLike = { metadata: { name: "mqtt-broker", creationTimestamp: ago(600) }, spec: { replicas: 3 }, status: { readyReplicas: 1 } };
    expect(statefulSetRow(sts, NOW)).toMatchObject({ ready: "1/3", age: "10m" });
  });
});

describe("jobRow (printJob, kubectl ≥ 1.30 with STATUS)", () => {
  const job = (over: Partial<JobLike>): JobLike => ({ metadata: { name: "j", creationTimestamp: ago(600) }, ...over });

  it("prints a finished job: Complete, 1/1, start→completion duration", () => {
    const j = job({
      spec: { completions: 1, parallelism: 1, selector: { matchLabels: { "batch.kubernetes.io/controller-uid": "3f0c2a7e" } } },
      status: {
        succeeded: 1,
        startTime: ago(600),
        completionTime: ago(555),
        conditions: [
          { type: "SuccessCriteriaMet", status: "True" },
          { type: "Complete", status: "True" },
        ],
      },
    });
    expect(jobRow(j, NOW)).toMatchObject({ status: "Complete", completions: "1/1", duration: "45s", age: "10m", selector: "batch.kubernetes.io/controller-uid=3f0c2a7e" });
  });

  it("prints a running work-queue job as 'n/1 of parallelism' with time since start", () => {
    const j = job({ spec: { parallelism: 4 }, status: { succeeded: 1, startTime: ago(180) } });
    expect(jobRow(j, NOW)).toMatchObject({ status: "Running", completions: "1/1 of 4", duration: "3m" });
  });

  it("applies the API default completions=1 when neither completions nor parallelism is set", () => {
    expect(jobRow(job({}), NOW)).toMatchObject({ status: "Running", completions: "0/1", duration: "" });
    expect(jobRow(job({ spec: { parallelism: 1 } }), NOW).completions).toBe("0/1");
  });

  it("orders STATUS as printJob: Complete, Failed, Terminating, Suspended, FailureTarget, Running", () => {
    const cond = (...types: string[]) => ({ conditions: types.map((type) => ({ type, status: "True" })) });
    expect(jobRow(job({ status: cond("FailureTarget", "Failed") }), NOW).status).toBe("Failed");
    expect(jobRow(job({ status: cond("FailureTarget") }), NOW).status).toBe("FailureTarget");
    expect(jobRow(job({ status: cond("Suspended") }), NOW).status).toBe("Suspended");
    expect(jobRow(job({ status: { conditions: [{ type: "Complete", status: "False" }] } }), NOW).status).toBe("Running");
    const deleting = job({ metadata: { name: "j", deletionTimestamp: ago(1) }, status: cond("Suspended") });
    expect(jobRow(deleting, NOW).status).toBe("Terminating");
  });
});

describe("cronJobRow (printCronJob)", () => {
  it("prints schedule, <none> timezone, suspend, active count and last schedule", () => {
    const cj: CronJobLike = {
      metadata: { name: "backup", creationTimestamp: ago(9 * 86400) },
      spec: { schedule: "*/5 * * * *", suspend: false, jobTemplate: { spec: { template: template(["backup", "restic/restic:0.17.3"]) } } },
      status: { active: [{ name: "backup-29143800" }], lastScheduleTime: ago(150) },
    };
    expect(cronJobRow(cj, NOW)).toMatchObject({
      schedule: "*/5 * * * *",
      timezone: "<none>",
      suspend: "False",
      active: 1,
      lastSchedule: "2m30s",
      age: "9d",
      containers: "backup",
      selector: "<none>",
    });
    const never: CronJobLike = { spec: { schedule: "@daily", timeZone: "Europe/Berlin", suspend: true } };
    expect(cronJobRow(never, NOW)).toMatchObject({ timezone: "Europe/Berlin", suspend: "True", active: 0, lastSchedule: "<none>" });
  });
});
