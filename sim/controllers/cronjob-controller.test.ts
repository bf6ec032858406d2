import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createObject, writeStatus } from "../cluster/object-writes";
import { startSimulator, type SimClusterInternal } from "../index";
import { BEHAVIOR_ANNOTATION } from "../kubelet/pod-status";
import type { KubeObject } from "../store/kube-types";
import { raw } from "../test/raw-request";
import { waitForStore } from "../test/wait-for-store";
import { parseCronSchedule } from "./cron-schedule";
import { cronJobJobName, syncCronJob } from "./cronjob-controller";
import { typeOf } from "./workload-pods";

// The CronJob controller: schedules fire (a live `@every` one through the timer, the
// policies by syncing at chosen instants), Jobs are named <cronjob>-<minutes since the
// epoch> and controlled by the CronJob; suspend, Forbid, Replace, startingDeadlineSeconds
// and the history limits behave like kube-controller-manager's; the apiserver defaults and
// validates the spec.

const CJ_PATH = "/apis/batch/v1/namespaces/default/cronjobs";

function cronJob(name: string, schedule: string, extra: Record<string, unknown> = {}, podBehavior = "run"): KubeObject {
  return {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name, namespace: "default" },
    spec: { schedule, ...extra, jobTemplate: { metadata: { labels: { team: "ops" } }, spec: { template: { metadata: { annotations: { [BEHAVIOR_ANNOTATION]: podBehavior } }, spec: { restartPolicy: "Never", containers: [{ name: "report", image: "busybox:1.36" }] } } } } },
  } as unknown as KubeObject;
}

describe("cron schedules", () => {
  it("computes the next activation like the controller's cron library", () => {
    const at = Date.parse("2026-12-07T23:05:30Z");
    const next = (s: string, tz?: string) => new Date(parseCronSchedule(s, tz).next(at)!).toISOString();
    expect(next("* * * * *")).toBe("2026-12-07T23:06:00.000Z");
    expect(next("*/15 * * * *")).toBe("2026-12-07T23:15:00.000Z");
    expect(next("0 3 * * *")).toBe("2026-12-08T03:00:00.000Z");
    expect(next("@hourly")).toBe("2026-12-08T00:00:00.000Z");
    expect(next("30 9 * * mon-fri")).toBe("2026-12-08T09:30:00.000Z"); // Tuesday
    expect(next("0 0 1,15 * sun")).toBe("2026-12-13T00:00:00.000Z"); // restricted dom and dow: either matches
    expect(next("0 9 * * *", "Asia/Shanghai")).toBe("2026-12-08T01:00:00.000Z");
    expect(next("@every 90s")).toBe("2026-12-07T23:07:00.000Z");
    expect(() => parseCronSchedule("* * * *")).toThrow("expected exactly 5 fields, found 4: [* * * *]");
    expect(() => parseCronSchedule("61 * * * *")).toThrow("end of range (61) above maximum (59): 61");
    expect(() => parseCronSchedule("@fortnightly")).toThrow("unrecognized descriptor: @fortnightly");
  });
});

describe("CronJob controller", () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let c: SimClusterInternal;
  const jobs = (owner: string) => c.state.store.list("batch/jobs", "default").filter((j) => j.metadata.ownerReferences?.some((r) => r.name === owner && r.kind === "CronJob"));
  const events = (name: string, reason: string) => c.state.store.list("/events", "default").filter((e) => (e.involvedObject as { name: string }).name === name && e.reason === reason);
  const stored = (name: string) => c.state.store.get("batch/cronjobs", "default", name) as KubeObject & { spec: { schedule: string }; status?: { active?: Array<{ name: string }>; lastScheduleTime?: string } };

  beforeAll(async () => {
    sim = await startSimulator({ clusters: [{ name: "cron", scenarios: ["k3s"] }], podStartMs: 40 });
    c = sim.clusters[0] as SimClusterInternal;
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it("defaults the spec and refuses what the apiserver refuses", async () => {
    const ok = await raw(c, "POST", CJ_PATH, JSON.stringify(cronJob("nightly", "0 3 * * *")));
    expect(ok.status, ok.text).toBe(201);
    expect((ok.json as { spec: Record<string, unknown> }).spec).toMatchObject({ concurrencyPolicy: "Allow", suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    const bad = await raw(c, "POST", CJ_PATH, JSON.stringify(cronJob("bad", "every day")));
    expect(bad.status).toBe(422);
    expect((bad.json as { message: string }).message).toContain('spec.schedule: Invalid value: "every day": expected exactly 5 fields, found 2: [every day]');
    const tz = await raw(c, "POST", CJ_PATH, JSON.stringify(cronJob("tz", "TZ=UTC 0 3 * * *")));
    expect((tz.json as { message: string }).message).toContain("cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
    const zone = await raw(c, "POST", CJ_PATH, JSON.stringify(cronJob("zone", "0 3 * * *", { timeZone: "Mars/Olympus" })));
    expect((zone.json as { message: string }).message).toContain('spec.timeZone: Invalid value: "Mars/Olympus"');
    const always = cronJob("always", "0 3 * * *");
    (always.spec as { jobTemplate: { spec: { template: { spec: { restartPolicy: string } } } } }).jobTemplate.spec.template.spec.restartPolicy = "Always";
    const restart = await raw(c, "POST", CJ_PATH, JSON.stringify(always));
    expect((restart.json as { message: string }).message).toContain("spec.jobTemplate.spec.template.spec.restartPolicy: Required value");
  });

  it("fires on schedule: a Job named by the scheduled minute, controlled by the CronJob, in status.active", async () => {
    const res = await raw(c, "POST", CJ_PATH, JSON.stringify(cronJob("every", "@every 1s", { concurrencyPolicy: "Forbid" })));
    expect(res.status, res.text).toBe(201);
    const job = await waitForStore(c.state, "the scheduled Job", () => jobs("every")[0]);
    const cj = stored("every");
    const scheduled = Date.parse(job.metadata.annotations?.["batch.kubernetes.io/cronjob-scheduled-timestamp"] ?? "");
    expect(job.metadata.name).toBe(cronJobJobName("every", scheduled));
    expect(job.metadata.labels?.team).toBe("ops");
    expect(job.metadata.ownerReferences).toEqual([{ apiVersion: "batch/v1", kind: "CronJob", name: "every", uid: cj.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    await waitForStore(c.state, "status.active", () => stored("every").status?.active?.some((r) => r.name === job.metadata.name));
    expect(events("every", "SuccessfulCreate")[0]?.message).toBe(`Created job ${job.metadata.name}`);
    expect(Date.parse(stored("every").status?.lastScheduleTime ?? "")).toBe(scheduled);
    expect(jobs("every")).toHaveLength(1);
  });

  it("Allow, Forbid and Replace at the next schedule while a Job runs; suspend starts nothing", () => {
    const type = typeOf(c.state, "batch/v1", "CronJob");
    const create = (name: string, extra: Record<string, unknown>) => createObject(c.state, type, cronJob(name, "0 0 1 1 *", extra)) as never;
    const year = (y: number) => Date.parse(`${y}-01-01T00:00:05Z`);
    const first = new Date(parseCronSchedule("0 0 1 1 *").next(c.state.now())!).getUTCFullYear();
    for (const [name, policy] of [["allow", "Allow"], ["forbid", "Forbid"], ["replace", "Replace"]] as const) {
      create(name, { concurrencyPolicy: policy });
      syncCronJob(c.state, stored(name) as never, year(first));
      syncCronJob(c.state, stored(name) as never, year(first + 1));
    }
    const names = (owner: string) => jobs(owner).filter((j) => !j.metadata.deletionTimestamp).map((j) => j.metadata.name).sort();
    const minute = (y: number) => Math.floor(Date.parse(`${y}-01-01T00:00:00Z`) / 60_000);
    expect(names("allow")).toEqual([`allow-${minute(first)}`, `allow-${minute(first + 1)}`]);
    expect(names("forbid")).toEqual([`forbid-${minute(first)}`]);
    expect(events("forbid", "JobAlreadyActive")).toHaveLength(1);
    expect(names("replace")).toEqual([`replace-${minute(first + 1)}`]);
    expect(events("replace", "SuccessfulDelete")[0]?.message).toBe(`Deleted job replace-${minute(first)}`);
    expect(stored("replace").status?.active?.map((r) => r.name)).toEqual([`replace-${minute(first + 1)}`]);
    expect(stored("replace").status?.lastScheduleTime).toBe(`${first + 1}-01-01T00:00:00Z`);

    create("paused", { suspend: true });
    expect(syncCronJob(c.state, stored("paused") as never, year(first))).toBeUndefined();
    expect(jobs("paused")).toHaveLength(0);
  });

  it("skips a schedule missed by more than startingDeadlineSeconds and keeps only the history limits of finished Jobs", () => {
    const type = typeOf(c.state, "batch/v1", "CronJob");
    const jobType = typeOf(c.state, "batch/v1", "Job");
    const first = new Date(parseCronSchedule("0 0 1 1 *").next(c.state.now())!).getUTCFullYear();
    // Past the deadline the time is not even considered (the controller moves its earliest time up to now − deadline).
    createObject(c.state, type, cronJob("late", "0 0 1 1 *", { startingDeadlineSeconds: 10 }));
    syncCronJob(c.state, stored("late") as never, Date.parse(`${first}-01-01T00:00:30Z`));
    expect(jobs("late")).toHaveLength(0);
    syncCronJob(c.state, stored("late") as never, Date.parse(`${first + 1}-01-01T00:00:09Z`));
    expect(jobs("late").map((j) => j.metadata.name)).toEqual([cronJobJobName("late", Date.parse(`${first + 1}-01-01T00:00:00Z`))]);

    createObject(c.state, type, cronJob("history", "0 0 1 1 *", { successfulJobsHistoryLimit: 1 }));
    for (let y = first; y < first + 3; y++) {
      syncCronJob(c.state, stored("history") as never, Date.parse(`${y}-01-01T00:00:05Z`));
      const job = c.state.store.get("batch/jobs", "default", cronJobJobName("history", Date.parse(`${y}-01-01T00:00:00Z`)))!;
      const at = `${y}-01-01T00:01:00Z`;
      writeStatus(c.state, jobType, job, { startTime: `${y}-01-01T00:00:06Z`, completionTime: at, succeeded: 1, conditions: [{ type: "Complete", status: "True" }] });
    }
    syncCronJob(c.state, stored("history") as never, Date.parse(`${first + 2}-06-01T00:00:00Z`));
    expect(jobs("history").filter((j) => !j.metadata.deletionTimestamp).map((j) => j.metadata.name)).toEqual([cronJobJobName("history", Date.parse(`${first + 2}-01-01T00:00:00Z`))]);
    expect(events("history", "SawCompletedJob").length).toBeGreaterThan(0);
    expect(stored("history").status).toMatchObject({ lastSuccessfulTime: `${first + 2}-01-01T00:01:00Z` });
    expect(stored("history").status?.active).toBeUndefined();
  });
});
