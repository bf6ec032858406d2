import { isRecord, type KubeObject } from "./kube-types";
import type { ResourceType } from "./resource-registry";
import { SelectorError } from "./selectors";

// Which field labels a kind accepts in fieldSelector, as kube-apiserver v1.31's field label
// conversion functions decide (core/v1 Pod, Node, Event, Namespace, Secret, Service;
// batch/v1 Job; events.k8s.io/v1 Event; custom resources: metadata plus the CRD version's
// selectableFields). A kind with no conversion function gets the default, which accepts
// only metadata.name and metadata.namespace — that includes apps/v1 ReplicaSets, whose
// `status.replicas` the apiserver refuses (kubernetes/kubernetes#135136). The value each label
// compares against is the registry's selectable-field string (booleans "true"/"false",
// numbers in decimal).

/** Reads one field of an object as the apiserver's selectable-field set spells it. */
export type FieldGetter = (obj: KubeObject) => string;

/** How a kind converts a fieldSelector label: its getter, or the apiserver's refusal. */
export interface FieldLabels {
  getter(label: string): FieldGetter;
}

function at(obj: unknown, path: string[]): unknown {
  let cur = obj;
  for (const p of path) cur = isRecord(cur) ? cur[p] : undefined;
  return cur;
}

function text(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return "";
}

const str = (...path: string[]): FieldGetter => (o) => text(at(o, path));
const bool = (...path: string[]): FieldGetter => (o) => String(at(o, path) === true);
const int = (...path: string[]): FieldGetter => (o) => String(typeof at(o, path) === "number" ? (at(o, path) as number) : 0);

const NAME: FieldGetter = (o) => o.metadata.name;
const NAMESPACE: FieldGetter = (o) => o.metadata.namespace ?? "";
const META: Record<string, FieldGetter> = { "metadata.name": NAME, "metadata.namespace": NAMESPACE };

/** `field label not supported: x` — the wording of the core, events and CRD conversions. */
function table(fields: Record<string, FieldGetter>, refuse: (label: string) => string = (l) => `field label not supported: ${l}`): FieldLabels {
  return {
    getter(label) {
      const g = Object.prototype.hasOwnProperty.call(fields, label) ? fields[label] : undefined;
      if (!g) throw new SelectorError(refuse(label));
      return g;
    },
  };
}

/** runtime.DefaultMetaV1FieldSelectorConversion: metadata.name and metadata.namespace only. */
const DEFAULT = table(META, (l) => `${JSON.stringify(l)} is not a known field selector: only "metadata.name", "metadata.namespace"`);

const podIPs: FieldGetter = (o) => {
  const ips = at(o, ["status", "podIPs"]);
  return Array.isArray(ips) ? ips.map((i) => text(at(i, ["ip"]))).join(",") : "";
};

const CORE_EVENT: Record<string, FieldGetter> = {
  ...META,
  "involvedObject.kind": str("involvedObject", "kind"),
  "involvedObject.namespace": str("involvedObject", "namespace"),
  "involvedObject.name": str("involvedObject", "name"),
  "involvedObject.uid": str("involvedObject", "uid"),
  "involvedObject.apiVersion": str("involvedObject", "apiVersion"),
  "involvedObject.resourceVersion": str("involvedObject", "resourceVersion"),
  "involvedObject.fieldPath": str("involvedObject", "fieldPath"),
  reason: str("reason"),
  reportingComponent: str("reportingComponent"),
  source: str("source", "component"),
  type: str("type"),
};

const BY_KIND: Record<string, FieldLabels> = {
  "/Pod": table({
    ...META,
    "spec.nodeName": str("spec", "nodeName"),
    // Old v1 clients' spelling, converted to spec.nodeName.
    "spec.host": str("spec", "nodeName"),
    "spec.restartPolicy": str("spec", "restartPolicy"),
    "spec.schedulerName": str("spec", "schedulerName"),
    "spec.serviceAccountName": str("spec", "serviceAccountName"),
    "spec.hostNetwork": bool("spec", "hostNetwork"),
    "status.phase": str("status", "phase"),
    "status.podIP": str("status", "podIP"),
    "status.podIPs": podIPs,
    "status.nominatedNodeName": str("status", "nominatedNodeName"),
  }),
  "/Node": table({ "metadata.name": NAME, "spec.unschedulable": bool("spec", "unschedulable") }),
  "/Namespace": table({ "metadata.name": NAME, "status.phase": str("status", "phase") }),
  "/Secret": table({ ...META, type: str("type") }),
  "/Service": table({ ...META, "spec.clusterIP": str("spec", "clusterIP"), "spec.type": str("spec", "type") }),
  "/ReplicationController": table({ ...META, "status.replicas": int("status", "replicas") }),
  "/Event": table(CORE_EVENT),
  // events.k8s.io serves converted core Events; its labels map onto the stored core fields.
  "events.k8s.io/Event": table({
    ...META,
    reason: CORE_EVENT.reason as FieldGetter,
    type: CORE_EVENT.type as FieldGetter,
    source: CORE_EVENT.source as FieldGetter,
    reportingController: CORE_EVENT.reportingComponent as FieldGetter,
    ...Object.fromEntries(["kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath"].map((f) => [`regarding.${f}`, str("involvedObject", f)])),
  }),
  "batch/Job": table({ ...META, "status.successful": int("status", "succeeded") }, (l) => `field label ${JSON.stringify(l)} not supported for batchv1.Job`),
};

/** A custom resource's labels: metadata.name, metadata.namespace when namespaced, selectableFields. */
function customResourceLabels(t: ResourceType): FieldLabels {
  const fields: Record<string, FieldGetter> = { "metadata.name": NAME };
  if (t.namespaced) fields["metadata.namespace"] = NAMESPACE;
  for (const jsonPath of t.selectableFields ?? []) {
    const path = jsonPath.replace(/^\./, "").split(".");
    fields[path.join(".")] = str(...path);
  }
  return table(fields);
}

/** The field labels a served type accepts. */
export function fieldLabelsOf(t: ResourceType): FieldLabels {
  if (t.custom) return customResourceLabels(t);
  return BY_KIND[`${t.group}/${t.kind}`] ?? DEFAULT;
}
