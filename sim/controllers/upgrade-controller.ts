import type { ClusterState } from "../cluster/cluster-state";
import { createObject, deleteObject, updateObject, writeStatus } from "../cluster/object-writes";
import { recordEvent } from "../cluster/record-event";
import type { KubeObject, Pod } from "../store/kube-types";
import { isRecord } from "../store/kube-types";
import { isoTime } from "../store/object-store";
import type { ResourceType } from "../store/resource-registry";
import { startK3sUpgrade } from "./k3s-upgrade";
import { planCrd } from "./upgrade-plan-crd";
import { LABEL_CONTROLLER, LABEL_NODE, LABEL_PLAN, LABEL_VERSION, latestHash, mungeVersion, nodeHostname, planLabel, selectConcurrentNodes, specOf, upgradeJob, type PlanCondition, type PlanStatus } from "./upgrade-plan";
import { typeOf } from "./workload-pods";

// rancher/system-upgrade-controller, which k3s does NOT ship: it acts only while a pod of
// its image runs (the Deployment of its manifest), registers the Plan CRD at start like the
// real controller, and handles Plans in its own namespace: status (Validated,
// LatestResolved, latestVersion, latestHash, applying, Complete), one Job per selected node
// (concurrency at a time), and on each Job's end the node label plan.upgrade.cattle.io/<plan>
// = hash plus uncordon, or Complete=False with the failure.

const PLANS = "upgrade.cattle.io/plans";
const IMAGE = /(^|\/)system-upgrade-controller(:[^/]*|@.*)?$/;

interface Controller { namespace: string; name: string }

function controllers(cluster: ClusterState): Controller[] {
  const out: Controller[] = [];
  for (const p of cluster.store.list("/pods") as Pod[]) {
    if (p.metadata.deletionTimestamp || p.status?.phase !== "Running" || !p.spec.containers.some((c) => IMAGE.test(c.image))) continue;
    out.push({ namespace: p.metadata.namespace ?? "default", name: p.metadata.labels?.[LABEL_CONTROLLER] ?? "system-upgrade-controller" });
  }
  return out;
}

function controllerFor(cluster: ClusterState, ns: string | undefined): Controller | undefined {
  return controllers(cluster).find((c) => c.namespace === ns);
}

/** SYSTEM_UPGRADE_JOB_BACKOFF_LIMIT from the controller's default-controller-env ConfigMap, else 2. */
function backoffLimit(cluster: ClusterState, ns: string): number {
  const v = Number(((cluster.store.get("/configmaps", ns, "default-controller-env")?.data ?? {}) as Record<string, string>).SYSTEM_UPGRADE_JOB_BACKOFF_LIMIT);
  return Number.isInteger(v) && v >= 0 ? v : 2;
}

function cond(conds: PlanCondition[], type: string, at: string, status?: string, reason?: string, message?: string): void {
  let c = conds.find((x) => x.type === type);
  if (!c) {
    c = { type, status: "Unknown", lastUpdateTime: at };
    conds.push(c);
  }
  if (status === undefined) return;
  if (c.status !== status || (c.reason ?? "") !== (reason ?? "") || (c.message ?? "") !== (message ?? "")) {
    if (c.status !== status) c.lastTransitionTime = at;
    c.status = status;
    c.lastUpdateTime = at;
    if (reason) c.reason = reason;
    else delete c.reason;
    if (message) c.message = message;
    else delete c.message;
  }
}

const isTrue = (conds: PlanCondition[], type: string): boolean => conds.some((c) => c.type === type && c.status === "True");

function reconcilePlan(cluster: ClusterState, t: ResourceType, ctl: Controller, plan: KubeObject): void {
  const spec = specOf(plan);
  const prev = (isRecord(plan.status) ? plan.status : {}) as PlanStatus;
  const status: PlanStatus = { ...prev, conditions: (prev.conditions ?? []).map((c) => ({ ...c })) };
  const conds = status.conditions ?? [];
  const at = isoTime(cluster.now());
  const event = (type: "Normal" | "Warning", reason: string, msg: string): void => recordEvent(cluster, plan, type, reason, msg, "system-upgrade-controller");
  cond(conds, "Complete", at);
  cond(conds, "Validated", at);
  if (spec.drain && spec.drain.deleteEmptydirData !== undefined && spec.drain.deleteLocalData !== undefined) {
    if (!conds.some((c) => c.type === "Validated" && c.status === "False")) event("Warning", "ValidateFailed", "Failed to validate plan: spec.drain cannot specify both deleteEmptydirData and deleteLocalData");
    cond(conds, "Validated", at, "False", "Error", "spec.drain cannot specify both deleteEmptydirData and deleteLocalData");
  } else {
    if (!isTrue(conds, "Validated")) event("Normal", "Validated", "Plan is valid");
    cond(conds, "Validated", at, "True", "PlanIsValid");
  }
  cond(conds, "LatestResolved", at);
  if (spec.version) {
    const latest = mungeVersion(spec.version);
    if (!isTrue(conds, "LatestResolved") || prev.latestVersion !== latest) {
      event("Normal", "Resolved", `Resolved latest version from Spec.Version: ${latest}`);
      cond(conds, "Complete", at, "False", "Resolved");
    }
    status.latestVersion = latest;
    cond(conds, "LatestResolved", at, "True", "Version");
  } else {
    // Channels are not resolved: the simulator reaches no update server.
    const msg = spec.channel ? `channel ${spec.channel} cannot be resolved by the simulator; set spec.version` : "cannot resolve plan: missing channel and version";
    if (!conds.some((c) => c.type === "LatestResolved" && c.status === "False")) event("Warning", "ResolveFailed", msg);
    cond(conds, "LatestResolved", at, "False", "Error", msg);
  }
  if (isTrue(conds, "LatestResolved")) status.latestHash = latestHash(status.latestVersion ?? "", spec);
  if (!isTrue(conds, "Validated") || !isTrue(conds, "LatestResolved")) {
    cond(conds, "Complete", at, "False", "NotReady", "plan is not valid and resolved");
    return void writeStatus(cluster, t, plan, status);
  }
  const selected = selectConcurrentNodes(plan, status, cluster.store.list("/nodes"));
  const names = selected.map(nodeHostname);
  if (names.length > 0) {
    if (JSON.stringify(prev.applying ?? []) !== JSON.stringify(names)) {
      event("Normal", "SyncJob", `Jobs synced for version ${status.latestVersion ?? ""} on Nodes ${names.join(",")}. Hash: ${status.latestHash ?? ""}`);
      status.applying = names;
      cond(conds, "Complete", at, "False", "SyncJob");
    }
  } else {
    if (!isTrue(conds, "Complete")) event("Normal", "Complete", `Jobs complete for version ${status.latestVersion ?? ""}. Hash: ${status.latestHash ?? ""}`);
    delete status.applying;
    cond(conds, "Complete", at, "True", "Complete");
  }
  const jobType = typeOf(cluster, "batch/v1", "Job");
  for (const node of selected) {
    const want = upgradeJob(plan, status, node, ctl.name, backoffLimit(cluster, ctl.namespace));
    const cur = cluster.store.get("batch/jobs", want.metadata.namespace, want.metadata.name);
    const parallelism = (want.spec as { parallelism: number }).parallelism;
    if (!cur) createObject(cluster, jobType, want);
    else if ((cur.spec as { parallelism?: number }).parallelism !== parallelism) updateObject(cluster, jobType, { ...cur, spec: { ...(cur.spec as object), parallelism } });
  }
  const latest = cluster.store.get(t.storage, plan.metadata.namespace, plan.metadata.name);
  if (latest) writeStatus(cluster, t, latest, status);
}

function jobCondition(job: KubeObject, type: string): { reason?: string; message?: string } | undefined {
  return ((job.status as { conditions?: { type: string; status: string; reason?: string; message?: string }[] } | undefined)?.conditions ?? []).find((c) => c.type === type && c.status === "True");
}

const finished = new WeakMap<ClusterState, Set<string>>();

function handleJob(cluster: ClusterState, ctl: Controller, job: KubeObject): void {
  const t = cluster.registry.byKind("upgrade.cattle.io/v1", "Plan");
  const jobType = typeOf(cluster, "batch/v1", "Job");
  const l = job.metadata.labels ?? {};
  const plan = t && l[LABEL_PLAN] ? cluster.store.get(t.storage, job.metadata.namespace, l[LABEL_PLAN]) : undefined;
  const status = (plan && isRecord(plan.status) ? plan.status : {}) as PlanStatus;
  const node = l[LABEL_NODE] ? cluster.store.get("/nodes", undefined, l[LABEL_NODE]) : undefined;
  if (!t || !plan || l[LABEL_VERSION] !== status.latestVersion || !node) return void deleteObject(cluster, jobType, job);
  const done = finished.get(cluster) ?? new Set<string>();
  finished.set(cluster, done);
  const failed = jobCondition(job, "Failed");
  const complete = jobCondition(job, "Complete");
  if ((failed || complete) && done.has(job.metadata.uid)) return;
  if (failed) {
    done.add(job.metadata.uid);
    const message = `Job ${job.metadata.namespace ?? ""}/${job.metadata.name} failed on Node ${node.metadata.name}: ${failed.reason ?? ""}: ${failed.message ?? ""}`;
    recordEvent(cluster, plan, "Warning", "JobFailed", message, "system-upgrade-controller");
    const conds = (status.conditions ?? []).map((c) => ({ ...c }));
    cond(conds, "Complete", isoTime(cluster.now()), "False", "JobFailed", message);
    writeStatus(cluster, t, plan, { ...status, conditions: conds });
  } else if (complete) {
    done.add(job.metadata.uid);
    recordEvent(cluster, plan, "Normal", "JobComplete", `Job completed on Node ${node.metadata.name}`, "system-upgrade-controller");
    const spec = specOf(plan);
    const labels = { ...node.metadata.labels, [planLabel(plan.metadata.name)]: l[planLabel(plan.metadata.name)] ?? "" };
    for (const [k, v] of Object.entries(spec.postCompleteLabels ?? {})) labels[k] = v.replaceAll("$(LATEST_VERSION)", status.latestVersion ?? "").replaceAll("$(LATEST_HASH)", status.latestHash ?? "");
    const nodeSpec = { ...(node.spec as Record<string, unknown>) };
    if (nodeSpec.unschedulable && (spec.cordon || spec.drain)) delete nodeSpec.unschedulable;
    updateObject(cluster, typeOf(cluster, "v1", "Node"), { ...node, metadata: { ...node.metadata, labels }, spec: nodeSpec });
  } else if (!(status.applying ?? []).includes(nodeHostname(node))) {
    return void deleteObject(cluster, jobType, job);
  }
  if (failed || complete) {
    const uid = job.metadata.uid;
    cluster.rt.timers.after(900_000, () => {
      const cur = cluster.store.get("batch/jobs", job.metadata.namespace, job.metadata.name);
      if (cur?.metadata.uid === uid) deleteObject(cluster, jobType, cur);
    });
  }
  cluster.enqueue(`plan/${job.metadata.namespace ?? ""}/${plan.metadata.name}`, () => reconcileByName(cluster, job.metadata.namespace ?? "", plan.metadata.name));
}

function reconcileByName(cluster: ClusterState, ns: string, name: string): void {
  const t = cluster.registry.byKind("upgrade.cattle.io/v1", "Plan");
  const ctl = controllerFor(cluster, ns);
  const plan = t ? cluster.store.get(t.storage, ns, name) : undefined;
  if (t && ctl && plan && !plan.metadata.deletionTimestamp) reconcilePlan(cluster, t, ctl, plan);
}

function reconcileAll(cluster: ClusterState): void {
  const ctls = controllers(cluster);
  if (ctls.length === 0) return;
  if (!cluster.store.get("apiextensions.k8s.io/customresourcedefinitions", undefined, "plans.upgrade.cattle.io")) {
    createObject(cluster, typeOf(cluster, "apiextensions.k8s.io/v1", "CustomResourceDefinition"), planCrd());
  }
  for (const ctl of ctls) for (const p of cluster.store.list(PLANS, ctl.namespace)) reconcileByName(cluster, ctl.namespace, p.metadata.name);
}

/** Starts the simulated system-upgrade-controller (dormant until its pod runs). */
export function startUpgradeController(cluster: ClusterState): void {
  const all = (): void => cluster.enqueue("suc/all", () => reconcileAll(cluster));
  cluster.store.subscribe("/pods", (ev) => {
    if ((ev.object as Pod).spec.containers.some((c) => IMAGE.test(c.image))) all();
  });
  cluster.store.subscribe("/nodes", all);
  cluster.store.subscribe(PLANS, (ev) => {
    const { namespace, name } = ev.object.metadata;
    if (!namespace) return;
    if (ev.type !== "DELETED") cluster.enqueue(`plan/${namespace}/${name}`, () => reconcileByName(cluster, namespace, name));
    // The job handler deletes the Jobs of a Plan that no longer exists.
    else cluster.enqueue(`plan-gone/${namespace}/${name}`, () => {
      if (!controllerFor(cluster, namespace)) return;
      for (const j of cluster.store.list("batch/jobs", namespace)) if (j.metadata.labels?.[LABEL_PLAN] === name && j.metadata.labels[LABEL_CONTROLLER] !== undefined) deleteObject(cluster, typeOf(cluster, "batch/v1", "Job"), j);
    });
  });
  cluster.store.subscribe("batch/jobs", (ev) => {
    const job = ev.object;
    const name = job.metadata.labels?.[LABEL_CONTROLLER];
    if (!name || ev.type === "DELETED") return;
    cluster.enqueue(`suc-job/${job.metadata.uid}`, () => {
      const ctl = controllerFor(cluster, job.metadata.namespace);
      const cur = cluster.store.get("batch/jobs", job.metadata.namespace, job.metadata.name);
      if (ctl && ctl.name === name && cur?.metadata.uid === job.metadata.uid) handleJob(cluster, ctl, cur);
    });
  });
  startK3sUpgrade(cluster);
}
