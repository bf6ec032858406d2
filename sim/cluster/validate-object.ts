import { ApiError, invalid, type FieldCause } from "../api/status";
import type { KubeObject } from "../store/kube-types";
import { isRecord } from "../store/kube-types";
import type { ResourceType } from "../store/resource-registry";
import { selectorMatches } from "../store/selectors";
import { CronSyntaxError, isKnownTimeZone, parseCronSchedule } from "../controllers/cron-schedule";

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function req(field: string): FieldCause {
  return { field, reason: "FieldValueRequired", message: "Required value" };
}
function bad(field: string, value: unknown, why: string): FieldCause {
  return { field, reason: "FieldValueInvalid", message: `Invalid value: ${JSON.stringify(value)}: ${why}` };
}

function checkName(t: ResourceType, name: string, causes: FieldCause[]): void {
  const labelKinds = ["Namespace", "Service"];
  if (labelKinds.includes(t.kind)) {
    if (name.length > 63 || !DNS1123_LABEL.test(name)) causes.push(bad("metadata.name", name, "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"));
  } else if (t.group === "rbac.authorization.k8s.io") {
    if (name.includes("/") || name.includes("%") || name === "." || name === "..") causes.push(bad("metadata.name", name, "may not contain '/' or '%'"));
  } else if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
    causes.push(bad("metadata.name", name, "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"));
  }
}

function checkContainers(list: unknown, field: string, causes: FieldCause[]): void {
  if (!Array.isArray(list) || list.length === 0) {
    causes.push(req(field));
    return;
  }
  const seen = new Set<string>();
  list.forEach((c, i) => {
    if (!isRecord(c)) return causes.push(bad(`${field}[${i}]`, c, "must be an object"));
    if (typeof c.name !== "string" || !c.name) causes.push(req(`${field}[${i}].name`));
    else if (!DNS1123_LABEL.test(c.name)) causes.push(bad(`${field}[${i}].name`, c.name, "must be a DNS-1123 label"));
    else if (seen.has(c.name)) causes.push({ field: `${field}[${i}].name`, reason: "FieldValueDuplicate", message: `Duplicate value: ${JSON.stringify(c.name)}` });
    else seen.add(c.name);
    if (typeof c.image !== "string" || !c.image.trim()) causes.push(req(`${field}[${i}].image`));
    if (Array.isArray(c.ports)) c.ports.forEach((p, j) => {
      const port = isRecord(p) ? p.containerPort : undefined;
      if (typeof port !== "number" || port < 1 || port > 65535) causes.push(bad(`${field}[${i}].ports[${j}].containerPort`, port, "must be between 1 and 65535, inclusive"));
    });
  });
}

function checkPodSpec(spec: unknown, prefix: string, causes: FieldCause[]): void {
  if (!isRecord(spec)) return void causes.push(req(prefix));
  checkContainers(spec.containers, `${prefix}.containers`, causes);
  if (spec.restartPolicy !== undefined && !["Always", "OnFailure", "Never"].includes(String(spec.restartPolicy))) {
    causes.push({ field: `${prefix}.restartPolicy`, reason: "FieldValueNotSupported", message: `Unsupported value: ${JSON.stringify(spec.restartPolicy)}: supported values: "Always", "OnFailure", "Never"` });
  }
}

function checkKind(obj: KubeObject, causes: FieldCause[]): void {
  const spec = obj.spec;
  switch (obj.kind) {
    case "Pod":
      return checkPodSpec(spec, "spec", causes);
    case "Deployment":
    case "ReplicaSet":
    case "StatefulSet":
    case "DaemonSet": {
      if (!isRecord(spec)) return void causes.push(req("spec"));
      if (!isRecord(spec.selector)) causes.push(req("spec.selector"));
      if (typeof spec.replicas === "number" && spec.replicas < 0) causes.push(bad("spec.replicas", spec.replicas, "must be greater than or equal to 0"));
      const tpl = spec.template;
      if (!isRecord(tpl)) return void causes.push(req("spec.template"));
      const labels = isRecord(tpl.metadata) && isRecord(tpl.metadata.labels) ? (tpl.metadata.labels as Record<string, string>) : {};
      if (isRecord(spec.selector) && !selectorMatches(spec.selector, labels)) {
        causes.push(bad("spec.template.metadata.labels", labels, "`selector` does not match template `labels`"));
      }
      return checkPodSpec(tpl.spec, "spec.template.spec", causes);
    }
    case "Job":
      if (!isRecord(spec) || !isRecord(spec.template)) return void causes.push(req("spec.template"));
      return checkPodSpec(spec.template.spec, "spec.template.spec", causes);
    case "CronJob":
      return checkCronJob(obj, causes);
    case "Service":
      if (isRecord(spec) && Array.isArray(spec.ports)) spec.ports.forEach((p, i) => {
        const port = isRecord(p) ? p.port : undefined;
        if (typeof port !== "number" || port < 1 || port > 65535) causes.push(bad(`spec.ports[${i}].port`, port, "must be between 1 and 65535, inclusive"));
      });
      return;
    case "ConfigMap":
      if (obj.data !== undefined && (!isRecord(obj.data) || Object.values(obj.data).some((v) => typeof v !== "string"))) causes.push(bad("data", "…", "values must be strings"));
      return;
    case "Secret":
      if (isRecord(obj.data)) for (const [k, v] of Object.entries(obj.data)) {
        if (typeof v !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(v)) causes.push(bad(`data[${k}]`, "<secret contents redacted>", "illegal base64 data"));
      }
      return;
    case "Role":
    case "ClusterRole":
      checkRules(obj.kind, obj.rules, causes);
      return;
    case "ClusterRoleBinding":
    case "RoleBinding":
      if (!isRecord(obj.roleRef) || typeof obj.roleRef.name !== "string") causes.push(req("roleRef"));
      return;
  }
}

/** CronJob validation: a parseable schedule without TZ, a known timeZone, a Job template whose pods do not restart Always. */
function checkCronJob(obj: KubeObject, causes: FieldCause[]): void {
  const spec = obj.spec;
  // The Job names are the CronJob's name plus 11 characters, within a label value's 63.
  if (obj.metadata.name && obj.metadata.name.length > 52) causes.push(bad("metadata.name", obj.metadata.name, "must be no more than 52 characters"));
  if (!isRecord(spec)) return void causes.push(req("spec"));
  const tz = spec.timeZone;
  if (typeof spec.schedule !== "string" || spec.schedule === "") causes.push(req("spec.schedule"));
  else {
    try {
      parseCronSchedule(spec.schedule);
    } catch (e) {
      if (!(e instanceof CronSyntaxError)) throw e;
      causes.push(bad("spec.schedule", spec.schedule, e.message));
    }
    if (spec.schedule.includes("TZ")) causes.push(bad("spec.schedule", spec.schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
  }
  if (tz !== undefined && tz !== null && (typeof tz !== "string" || !isKnownTimeZone(tz))) causes.push(bad("spec.timeZone", tz, `unknown time zone ${String(tz)}`));
  if (spec.concurrencyPolicy !== undefined && !["Allow", "Forbid", "Replace"].includes(String(spec.concurrencyPolicy))) {
    causes.push({ field: "spec.concurrencyPolicy", reason: "FieldValueNotSupported", message: `Unsupported value: ${JSON.stringify(spec.concurrencyPolicy)}: supported values: "Allow", "Forbid", "Replace"` });
  }
  for (const k of ["startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit"]) {
    if (typeof spec[k] === "number" && spec[k] < 0) causes.push(bad(`spec.${k}`, spec[k], "must be greater than or equal to 0"));
  }
  const job = isRecord(spec.jobTemplate) ? spec.jobTemplate.spec : undefined;
  if (!isRecord(job) || !isRecord(job.template)) return void causes.push(req("spec.jobTemplate.spec.template"));
  const podSpec = job.template.spec;
  checkPodSpec(podSpec, "spec.jobTemplate.spec.template.spec", causes);
  if (isRecord(podSpec) && !["OnFailure", "Never"].includes(String(podSpec.restartPolicy))) {
    causes.push({ field: "spec.jobTemplate.spec.template.spec.restartPolicy", reason: "FieldValueRequired", message: 'Required value: valid values: "OnFailure", "Never"' });
  }
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === "string");
}

/** PolicyRule checks of the apiserver's RBAC validation. */
function checkRules(kind: string, rules: unknown, causes: FieldCause[]): void {
  if (rules === undefined || rules === null) return;
  if (!Array.isArray(rules)) return void causes.push(bad("rules", "…", "must be a list of PolicyRules"));
  rules.forEach((rule: unknown, i) => {
    const at = `rules[${i}]`;
    if (!isRecord(rule)) return void causes.push(bad(at, rule, "must be an object"));
    for (const k of ["verbs", "apiGroups", "resources", "resourceNames", "nonResourceURLs"]) {
      if (rule[k] !== undefined && rule[k] !== null && !isStringList(rule[k])) causes.push(bad(`${at}.${k}`, rule[k], "must be a list of strings"));
    }
    const len = (k: string): number => (Array.isArray(rule[k]) ? (rule[k] as unknown[]).length : 0);
    if (len("verbs") === 0) causes.push({ field: `${at}.verbs`, reason: "FieldValueRequired", message: "Required value: verbs must contain at least one value" });
    if (len("nonResourceURLs") > 0) {
      if (kind === "Role") causes.push(bad(`${at}.nonResourceURLs`, rule.nonResourceURLs, "namespaced rules cannot apply to non-resource URLs"));
      if (len("apiGroups") > 0 || len("resources") > 0) causes.push(bad(`${at}.nonResourceURLs`, rule.nonResourceURLs, "rules cannot apply to both regular resources and non-resource URLs"));
      return;
    }
    if (len("apiGroups") === 0) causes.push({ field: `${at}.apiGroups`, reason: "FieldValueRequired", message: "Required value: resource rules must supply at least one api group" });
    if (len("resources") === 0) causes.push({ field: `${at}.resources`, reason: "FieldValueRequired", message: "Required value: resource rules must supply at least one resource" });
  });
}

/** Validates an object for create/update; throws 422 Invalid with field causes. */
export function validateObject(t: ResourceType, obj: KubeObject): void {
  const causes: FieldCause[] = [];
  const name = obj.metadata.name;
  if (!name) causes.push(req("metadata.name"));
  else checkName(t, name, causes);
  for (const [k, v] of Object.entries(obj.metadata.labels ?? {})) {
    if (typeof v !== "string" || v.length > 63 || !LABEL_VALUE.test(v)) causes.push(bad(`metadata.labels`, v, `label value for ${k} must be 63 characters or less and consist of alphanumerics, '-', '_' or '.'`));
  }
  for (const v of Object.values(obj.metadata.annotations ?? {})) {
    if (typeof v !== "string") causes.push(bad("metadata.annotations", v, "must be a string"));
  }
  checkKind(obj, causes);
  if (causes.length > 0) throw invalid(t.kind, t.group, name || "", causes);
}

/** Basic shape checks every body must pass before defaults/validation (400 otherwise). */
export function assertObjectShape(body: unknown): asserts body is KubeObject {
  if (!isRecord(body)) throw new ApiError(400, "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml");
  if (body.metadata !== undefined && !isRecord(body.metadata)) throw new ApiError(400, "metadata must be an object");
  const m = (body.metadata ?? {}) as Record<string, unknown>;
  for (const k of ["labels", "annotations"]) {
    if (m[k] !== undefined && m[k] !== null && !isRecord(m[k])) throw new ApiError(400, `metadata.${k} must be an object`);
  }
  if (m.name !== undefined && typeof m.name !== "string") throw new ApiError(400, "metadata.name must be a string");
}
