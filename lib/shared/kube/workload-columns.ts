// kubectl's workload columns: printDeployment, printReplicaSet, printDaemonSet,
// printStatefulSet, printJob, printCronJob in
// k8s.io/kubernetes/pkg/printers/internalversion/printers.go.
//
// printers.go reads the apiserver's internal (already defaulted) objects. Where a field has
// an API default that an undefaulted object (e.g. one a simulator built by hand) may lack,
// we apply that default here, so the output matches what the apiserver would print after
// defaulting: replicas → 1; job completions/parallelism → 1 when both are unset.

import { formatAge, humanDuration, parseTimestamp } from "./format-age";
import { formatLabelSelector, formatLabels, labelSelectorString } from "./labels";
import type {
  ConditionLike,
  ContainerLike,
  CronJobLike,
  DaemonSetLike,
  DeploymentLike,
  JobLike,
  PodTemplateLike,
  ReplicaSetLike,
  StatefulSetLike,
} from "./types";

/** layoutContainerCells: container names and images, each joined by ",". */
export function containerCells(template: PodTemplateLike | undefined): { containers: string; images: string } {
  const cs: readonly ContainerLike[] = template?.spec?.containers ?? [];
  return { containers: cs.map((c) => c.name).join(","), images: cs.map((c) => c.image ?? "").join(",") };
}

export interface DeploymentRow {
  name: string;
  namespace: string;
  ready: string;
  upToDate: number;
  available: number;
  age: string;
  containers: string;
  images: string;
  selector: string;
}

/** `kubectl get deploy -o wide`: NAME READY UP-TO-DATE AVAILABLE AGE CONTAINERS IMAGES SELECTOR. */
export function deploymentRow(d: DeploymentLike, now: Date | number): DeploymentRow {
  const desired = d.spec?.replicas ?? 1;
  return {
    name: d.metadata?.name ?? "",
    namespace: d.metadata?.namespace ?? "",
    ready: `${d.status?.readyReplicas ?? 0}/${desired}`,
    upToDate: d.status?.updatedReplicas ?? 0,
    available: d.status?.availableReplicas ?? 0,
    age: formatAge(d.metadata?.creationTimestamp, now),
    ...containerCells(d.spec?.template),
    // printDeployment uses the raw selector string ("" when empty), not FormatLabelSelector.
    selector: labelSelectorString(d.spec?.selector) ?? "<invalid>",
  };
}

export interface ReplicaSetRow {
  name: string;
  namespace: string;
  desired: number;
  current: number;
  ready: number;
  age: string;
  containers: string;
  images: string;
  selector: string;
}

/** `kubectl get rs -o wide`: NAME DESIRED CURRENT READY AGE CONTAINERS IMAGES SELECTOR. */
export function replicaSetRow(rs: ReplicaSetLike, now: Date | number): ReplicaSetRow {
  return {
    name: rs.metadata?.name ?? "",
    namespace: rs.metadata?.namespace ?? "",
    desired: rs.spec?.replicas ?? 1,
    current: rs.status?.replicas ?? 0,
    ready: rs.status?.readyReplicas ?? 0,
    age: formatAge(rs.metadata?.creationTimestamp, now),
    ...containerCells(rs.spec?.template),
    selector: formatLabelSelector(rs.spec?.selector),
  };
}

export interface DaemonSetRow {
  name: string;
  namespace: string;
  desired: number;
  current: number;
  ready: number;
  upToDate: number;
  available: number;
  nodeSelector: string;
  age: string;
  containers: string;
  images: string;
  selector: string;
}

/** `kubectl get ds -o wide`: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE …. */
export function daemonSetRow(ds: DaemonSetLike, now: Date | number): DaemonSetRow {
  const st = ds.status ?? {};
  return {
    name: ds.metadata?.name ?? "",
    namespace: ds.metadata?.namespace ?? "",
    desired: st.desiredNumberScheduled ?? 0,
    current: st.currentNumberScheduled ?? 0,
    ready: st.numberReady ?? 0,
    upToDate: st.updatedNumberScheduled ?? 0,
    available: st.numberAvailable ?? 0,
    nodeSelector: formatLabels(ds.spec?.template?.spec?.nodeSelector),
    age: formatAge(ds.metadata?.creationTimestamp, now),
    ...containerCells(ds.spec?.template),
    selector: formatLabelSelector(ds.spec?.selector),
  };
}

export interface StatefulSetRow {
  name: string;
  namespace: string;
  ready: string;
  age: string;
  containers: string;
  images: string;
}

/** `kubectl get sts -o wide`: NAME READY AGE CONTAINERS IMAGES. */
export function statefulSetRow(sts: StatefulSetLike, now: Date | number): StatefulSetRow {
  return {
    name: sts.metadata?.name ?? "",
    namespace: sts.metadata?.namespace ?? "",
    ready: `${sts.status?.readyReplicas ?? 0}/${sts.spec?.replicas ?? 1}`,
    age: formatAge(sts.metadata?.creationTimestamp, now),
    ...containerCells(sts.spec?.template),
  };
}

export interface JobRow {
  name: string;
  namespace: string;
  status: string;
  completions: string;
  duration: string;
  age: string;
  containers: string;
  images: string;
  selector: string;
}

// hasJobCondition: the first condition of the type decides.
function hasJobCondition(conditions: readonly ConditionLike[] | undefined, type: string): boolean {
  return conditions?.find((c) => c.type === type)?.status === "True";
}

/** Job STATUS column (kubectl ≥ 1.30): Complete, Failed, Terminating, Suspended, FailureTarget, Running. */
export function jobStatus(job: JobLike): string {
  const conditions = job.status?.conditions;
  if (hasJobCondition(conditions, "Complete")) return "Complete";
  if (hasJobCondition(conditions, "Failed")) return "Failed";
  if (parseTimestamp(job.metadata?.deletionTimestamp) !== undefined) return "Terminating";
  if (hasJobCondition(conditions, "Suspended")) return "Suspended";
  if (hasJobCondition(conditions, "FailureTarget")) return "FailureTarget";
  return "Running";
}

/** Job COMPLETIONS column: "1/3", "0/1", or "2/1 of 4" for a work-queue job. */
export function jobCompletions(job: JobLike): string {
  const succeeded = job.status?.succeeded ?? 0;
  let completions = job.spec?.completions ?? undefined;
  let parallelism = job.spec?.parallelism ?? undefined;
  if (completions === undefined && parallelism === undefined) {
    // SetDefaults_Job: a non-parallel job gets completions = parallelism = 1.
    completions = 1;
    parallelism = 1;
  }
  if (completions !== undefined) return `${succeeded}/${completions}`;
  if ((parallelism ?? 1) > 1) return `${succeeded}/1 of ${parallelism}`;
  return `${succeeded}/1`;
}

/** Job DURATION column: "" before start, time running so far, or start→completion. */
export function jobDuration(job: JobLike, now: Date | number): string {
  const start = parseTimestamp(job.status?.startTime);
  if (start === undefined) return "";
  const end = parseTimestamp(job.status?.completionTime);
  const nowMs = typeof now === "number" ? now : now.getTime();
  return humanDuration((end ?? nowMs) - start);
}

/** `kubectl get jobs -o wide`: NAME STATUS COMPLETIONS DURATION AGE CONTAINERS IMAGES SELECTOR. */
export function jobRow(job: JobLike, now: Date | number): JobRow {
  return {
    name: job.metadata?.name ?? "",
    namespace: job.metadata?.namespace ?? "",
    status: jobStatus(job),
    completions: jobCompletions(job),
    duration: jobDuration(job, now),
    age: formatAge(job.metadata?.creationTimestamp, now),
    ...containerCells(job.spec?.template),
    selector: formatLabelSelector(job.spec?.selector),
  };
}

export interface CronJobRow {
  name: string;
  namespace: string;
  schedule: string;
  timezone: string;
  suspend: string;
  active: number;
  lastSchedule: string;
  age: string;
  containers: string;
  images: string;
  selector: string;
}

/** `kubectl get cj -o wide`: NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE …. */
export function cronJobRow(cj: CronJobLike, now: Date | number): CronJobRow {
  const lastSchedule = cj.status?.lastScheduleTime;
  // spec.suspend defaults to false, so a defaulted object never prints "<unset>".
  const suspend = cj.spec?.suspend ?? false;
  return {
    name: cj.metadata?.name ?? "",
    namespace: cj.metadata?.namespace ?? "",
    schedule: cj.spec?.schedule ?? "",
    timezone: cj.spec?.timeZone ?? "<none>",
    suspend: suspend ? "True" : "False",
    active: cj.status?.active?.length ?? 0,
    lastSchedule: lastSchedule ? formatAge(lastSchedule, now) : "<none>",
    age: formatAge(cj.metadata?.creationTimestamp, now),
    ...containerCells(cj.spec?.jobTemplate?.spec?.template),
    selector: formatLabelSelector(cj.spec?.jobTemplate?.spec?.selector),
  };
}
