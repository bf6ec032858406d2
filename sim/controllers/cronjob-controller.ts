import type { ClusterState } from "../cluster/cluster-state";
import { ApiError } from "../api/status";
import { createObject, deleteObject, writeStatus } from "../cluster/object-writes";
import { recordEvent } from "../cluster/record-event";
import type { KubeObject } from "../store/kube-types";
import { isRecord } from "../store/kube-types";
import { isoTime } from "../store/object-store";
import type { TimerHandle } from "../store/timer-heap";
import { CronSyntaxError, isKnownTimeZone, parseCronSchedule, type CronSchedule } from "./cron-schedule";
import { ownerRef, typeOf } from "./workload-pods";

// The CronJob controller (kube-controller-manager's cronjob controller v2): at each
// scheduled time it creates `<cronjob>-<minutes since the epoch>` from spec.jobTemplate,
// controlled by the CronJob, honouring suspend, concurrencyPolicy (Allow, Forbid, Replace),
// startingDeadlineSeconds and timeZone; it keeps status.active / lastScheduleTime /
// lastSuccessfulTime and deletes finished Jobs past the history limits. Only the most
// recent missed schedule runs (more than 100 missed → a TooManyMissedTimes warning).

const COMPONENT = "cronjob-controller";
const SCHEDULED_AT = "batch.kubernetes.io/cronjob-scheduled-timestamp";
const MISSED_WARN = 100;

interface ObjectRef {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  name: string;
  uid: string;
  resourceVersion?: string;
}

interface CronJobSpec {
  schedule: string;
  timeZone?: string;
  startingDeadlineSeconds?: number;
  concurrencyPolicy?: "Allow" | "Forbid" | "Replace";
  suspend?: boolean;
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
  jobTemplate: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Record<string, unknown> };
}

interface CronJobStatus {
  active?: ObjectRef[];
  lastScheduleTime?: string;
  lastSuccessfulTime?: string;
}

type CronJob = KubeObject & { spec: CronJobSpec; status?: CronJobStatus };
type Job = KubeObject & { status?: { startTime?: string; completionTime?: string; conditions?: Array<{ type: string; status: string }> } };

/** "Complete" or "Failed" once the Job has finished. */
function finishedAs(job: Job): "Complete" | "Failed" | undefined {
  const c = job.status?.conditions?.find((x) => (x.type === "Complete" || x.type === "Failed") && x.status === "True");
  return c?.type as "Complete" | "Failed" | undefined;
}

/** The Job name for a scheduled time: deterministic, so a time never gets two Jobs. */
export function cronJobJobName(cronJob: string, scheduledMs: number): string {
  return `${cronJob}-${Math.floor(scheduledMs / 60_000)}`;
}

/** RFC 3339 in `timeZone` (the annotation the controller writes), e.g. 2026-12-07T23:05:00+01:00. */
function rfc3339In(ms: number, timeZone: string | undefined): string {
  if (!timeZone || timeZone === "UTC" || timeZone === "Etc/UTC") return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  const wall = Date.UTC(Number(get("year")), Number(get("month")) - 1, Number(get("day")), Number(get("hour")), Number(get("minute")), Number(get("second")));
  const offsetMin = Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
  const sign = offsetMin < 0 ? "-" : "+";
  const abs = Math.abs(offsetMin);
  const offset = offsetMin === 0 ? "Z" : `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}${offset}`;
}

/**
 * The most recent schedule time in (earliest, now], where earliest is the last schedule
 * (else the creation time), moved up to now − startingDeadlineSeconds; with the count of
 * missed times.
 */
function mostRecentScheduleTime(cj: CronJob, nowMs: number, sched: CronSchedule): { at?: number; missed: number } {
  let earliest = Date.parse(cj.status?.lastScheduleTime ?? cj.metadata.creationTimestamp);
  const deadline = cj.spec.startingDeadlineSeconds;
  if (typeof deadline === "number" && nowMs - deadline * 1000 > earliest) earliest = nowMs - deadline * 1000;
  let at: number | undefined;
  let missed = 0;
  for (let t = sched.next(earliest); t !== undefined && t <= nowMs; t = sched.next(t)) {
    at = t;
    missed++;
    if (missed > 100_000) break;
  }
  return { at, missed };
}

function jobsOf(cluster: ClusterState, cj: CronJob): Job[] {
  return cluster.store.list("batch/jobs", cj.metadata.namespace).filter((j) => j.metadata.ownerReferences?.some((r) => r.controller && r.uid === cj.metadata.uid)) as Job[];
}

function refOf(job: KubeObject): ObjectRef {
  return { apiVersion: "batch/v1", kind: "Job", namespace: job.metadata.namespace, name: job.metadata.name, uid: job.metadata.uid, resourceVersion: job.metadata.resourceVersion };
}

/** Deletes finished Jobs beyond a history limit, oldest start first (name breaks ties). */
function removeOldest(cluster: ClusterState, cj: CronJob, jobs: Job[], keep: number, status: CronJobStatus): void {
  const excess = jobs.length - keep;
  if (excess <= 0) return;
  const byStart = [...jobs].sort((a, b) => {
    const x = a.status?.startTime ? Date.parse(a.status.startTime) : Infinity;
    const y = b.status?.startTime ? Date.parse(b.status.startTime) : Infinity;
    return x === y ? a.metadata.name.localeCompare(b.metadata.name) : x - y;
  });
  for (const job of byStart.slice(0, excess)) {
    deleteObject(cluster, typeOf(cluster, "batch/v1", "Job"), job);
    status.active = (status.active ?? []).filter((r) => r.uid !== job.metadata.uid);
    recordEvent(cluster, cj, "Normal", "SuccessfulDelete", `Deleted job ${job.metadata.name}`, COMPONENT);
  }
}

/**
 * One sync of a CronJob at `nowMs`: status from its Jobs, then (unless deleting,
 * suspended or unschedulable) the Job of the most recent unmet schedule time, then history
 * clean-up. Returns when to sync again (the next schedule time), if ever.
 */
export function syncCronJob(cluster: ClusterState, cj: CronJob, nowMs: number = cluster.now()): number | undefined {
  const status: CronJobStatus = structuredClone(cj.status ?? {});
  const jobs = jobsOf(cluster, cj);
  const active = () => status.active ?? [];
  for (const job of jobs) {
    const listed = active().some((r) => r.uid === job.metadata.uid);
    const finished = finishedAs(job);
    if (!listed && !finished) recordEvent(cluster, cj, "Warning", "UnexpectedJob", `Saw a job that the controller did not create or forgot: ${job.metadata.name}`, COMPONENT);
    else if (listed && finished) {
      status.active = active().filter((r) => r.uid !== job.metadata.uid);
      recordEvent(cluster, cj, "Normal", "SawCompletedJob", `Saw completed job: ${job.metadata.name}, status: ${finished}`, COMPONENT);
    }
    const completed = job.status?.completionTime;
    if (finished === "Complete" && completed && (!status.lastSuccessfulTime || Date.parse(completed) > Date.parse(status.lastSuccessfulTime))) status.lastSuccessfulTime = completed;
  }
  for (const ref of active()) {
    if (jobs.some((j) => j.metadata.uid === ref.uid)) continue;
    recordEvent(cluster, cj, "Normal", "MissingJob", `Active job went missing: ${ref.name}`, COMPONENT);
    status.active = active().filter((r) => r.uid !== ref.uid);
  }
  const next = cj.metadata.deletionTimestamp ? undefined : schedule(cluster, cj, status, nowMs);
  removeOldest(cluster, cj, jobsOf(cluster, cj).filter((j) => finishedAs(j) === "Complete"), cj.spec.successfulJobsHistoryLimit ?? 3, status);
  removeOldest(cluster, cj, jobsOf(cluster, cj).filter((j) => finishedAs(j) === "Failed"), cj.spec.failedJobsHistoryLimit ?? 1, status);
  if (status.active?.length === 0) delete status.active;
  const cur = cluster.store.get("batch/cronjobs", cj.metadata.namespace, cj.metadata.name);
  if (cur && cur.metadata.uid === cj.metadata.uid && JSON.stringify(cur.status ?? {}) !== JSON.stringify(status)) writeStatus(cluster, typeOf(cluster, "batch/v1", "CronJob"), cur, status);
  return next;
}

/** The scheduling half of a sync: may create (and for Replace delete) Jobs; returns the next wake-up. */
function schedule(cluster: ClusterState, cj: CronJob, status: CronJobStatus, nowMs: number): number | undefined {
  const tz = cj.spec.timeZone;
  if (tz !== undefined && !isKnownTimeZone(tz)) {
    recordEvent(cluster, cj, "Warning", "UnknownTimeZone", `invalid timeZone: ${JSON.stringify(tz)}: unknown time zone ${tz}`, COMPONENT);
    return undefined;
  }
  if (cj.spec.suspend) return undefined;
  let sched: CronSchedule;
  try {
    sched = parseCronSchedule(cj.spec.schedule, tz);
  } catch (e) {
    if (!(e instanceof CronSyntaxError)) throw e;
    recordEvent(cluster, cj, "Warning", "UnparseableSchedule", `unparseable schedule: ${JSON.stringify(cj.spec.schedule)} : ${e.message}`, COMPONENT);
    return undefined;
  }
  const { at, missed } = mostRecentScheduleTime({ ...cj, status }, nowMs, sched);
  const wake = sched.next(nowMs);
  if (at === undefined) return wake;
  if (missed > MISSED_WARN) recordEvent(cluster, cj, "Warning", "TooManyMissedTimes", `too many missed start times: ${missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`, COMPONENT);
  const deadline = cj.spec.startingDeadlineSeconds;
  if (typeof deadline === "number" && at + deadline * 1000 < nowMs) {
    recordEvent(cluster, cj, "Warning", "MissSchedule", `Missed scheduled time to start a job: ${new Date(at).toUTCString().replace("GMT", "+0000")}`, COMPONENT);
    return wake;
  }
  const name = cronJobJobName(cj.metadata.name, at);
  if ((status.active ?? []).some((r) => r.name === name) || (status.lastScheduleTime && Date.parse(status.lastScheduleTime) === at)) return wake;
  const policy = cj.spec.concurrencyPolicy ?? "Allow";
  if (policy === "Forbid" && (status.active ?? []).length > 0) {
    recordEvent(cluster, cj, "Normal", "JobAlreadyActive", "Not starting job because prior execution is running and concurrency policy is Forbid", COMPONENT);
    return wake;
  }
  if (policy === "Replace") {
    for (const ref of status.active ?? []) {
      const job = cluster.store.get("batch/jobs", ref.namespace, ref.name);
      if (job) deleteObject(cluster, typeOf(cluster, "batch/v1", "Job"), job);
      recordEvent(cluster, cj, "Normal", "SuccessfulDelete", `Deleted job ${ref.name}`, COMPONENT);
    }
    status.active = [];
  }
  const tpl = cj.spec.jobTemplate;
  let job: KubeObject;
  try {
    job = createObject(cluster, typeOf(cluster, "batch/v1", "Job"), {
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name, namespace: cj.metadata.namespace, labels: { ...tpl.metadata?.labels }, annotations: { ...tpl.metadata?.annotations, [SCHEDULED_AT]: rfc3339In(at, tz) }, ownerReferences: [ownerRef(cj)] } as unknown as KubeObject["metadata"],
      spec: structuredClone(tpl.spec ?? {}),
    });
    recordEvent(cluster, cj, "Normal", "SuccessfulCreate", `Created job ${name}`, COMPONENT);
  } catch (e) {
    const existing = cluster.store.get("batch/jobs", cj.metadata.namespace, name);
    // Already there: ours (created before a lost status update) joins the active list; someone else's is left alone.
    if (!existing || !(e instanceof ApiError) || e.reason !== "AlreadyExists") {
      recordEvent(cluster, cj, "Warning", "FailedCreate", `Error creating job: ${(e as Error).message}`, COMPONENT);
      return wake;
    }
    if (!existing.metadata.ownerReferences?.some((r) => r.controller && r.uid === cj.metadata.uid) || (status.active ?? []).some((r) => r.uid === existing.metadata.uid)) return wake;
    job = existing;
  }
  status.active = [...(status.active ?? []), refOf(job)];
  status.lastScheduleTime = isoTime(at);
  return wake;
}

/** Per cluster: the pending wake-up of each CronJob (by uid). */
const WAKEUPS = new WeakMap<ClusterState, Map<string, TimerHandle>>();

/** Syncs a CronJob now (on the controller queue) and arms its next wake-up. */
export function enqueueCronJob(cluster: ClusterState, cj: KubeObject): void {
  const { namespace, name, uid } = cj.metadata;
  cluster.enqueue(`CronJob/${uid}`, () => {
    const cur = cluster.store.get("batch/cronjobs", namespace, name);
    const timers = WAKEUPS.get(cluster) ?? new Map<string, TimerHandle>();
    WAKEUPS.set(cluster, timers);
    timers.get(uid)?.cancel();
    timers.delete(uid);
    if (!cur || cur.metadata.uid !== uid || !isRecord(cur.spec)) return;
    const next = syncCronJob(cluster, cur as CronJob);
    if (next !== undefined && !cluster.isStopped()) timers.set(uid, cluster.rt.timers.at(next + 1, () => enqueueCronJob(cluster, cur)));
  });
}
