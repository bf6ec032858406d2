// Trims Kubernetes objects before they are cached, listed or streamed to browsers. Lists of
// 5,000 pods must stay small in the console's memory and on the wire, and Secret values
// must never leave the console in a list or a watch event.
import type { TExplorerResource } from "./resources";
import type { TKubeObject } from "./explorer.schema";

type Json = Record<string, unknown>;

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
// Container fields no list column reads; the detail view fetches the whole object.
const CONTAINER_DROP = ["env", "envFrom", "command", "args", "volumeMounts", "livenessProbe", "readinessProbe", "startupProbe", "resources", "securityContext", "lifecycle", "volumeDevices"];

function withoutKeys(obj: Json, keys: readonly string[]): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(obj)) if (!keys.includes(k)) out[k] = v;
  return out;
}

/** metadata without managedFields and without kubectl's last-applied copy (often the largest field). */
export function slimMetadata(metadata: Json | undefined): Json | undefined {
  if (!metadata) return metadata;
  const out = withoutKeys(metadata, ["managedFields"]);
  const annotations = metadata.annotations as Record<string, string> | undefined;
  if (annotations && LAST_APPLIED in annotations) out.annotations = withoutKeys(annotations, [LAST_APPLIED]);
  return out;
}

/** A Secret with every value replaced by "" — keys stay so DATA counts and key lists work. */
export function redactSecretData(secret: Json): Json {
  const blank = (m: unknown) => (m && typeof m === "object" ? Object.fromEntries(Object.keys(m).map((k) => [k, ""])) : m);
  const out: Json = { ...secret };
  if ("data" in secret) out.data = blank(secret.data);
  if ("stringData" in secret) out.stringData = blank(secret.stringData);
  return out;
}

function slimPodSpec(spec: Json | undefined): Json | undefined {
  if (!spec) return spec;
  const slimContainers = (list: unknown) => (Array.isArray(list) ? list.map((ct) => withoutKeys(ct as Json, CONTAINER_DROP)) : list);
  const out = withoutKeys(spec, ["volumes", "affinity", "tolerations"]);
  out.containers = slimContainers(spec.containers);
  if (spec.initContainers) out.initContainers = slimContainers(spec.initContainers);
  return out;
}

const pick = (obj: Json | undefined, keys: readonly string[]): Json | undefined => {
  if (!obj) return undefined;
  const out: Json = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
};
const pickAll = (list: unknown, keys: readonly string[]): unknown => (Array.isArray(list) ? list.map((x) => pick(x as Json, keys)) : undefined);

/**
 * A pod reduced to what kubectl's pod columns read (lib/shared/kube PodLike) plus what the
 * list links need: 5,000 pods stay a few MiB in the cache, on the wire and in the browser.
 */
function projectPod(pod: Json): Json {
  const metadata = pod.metadata as Json | undefined;
  const spec = pod.spec as Json | undefined;
  const status = pod.status as Json | undefined;
  const statuses = (list: unknown) => pickAll(list, ["name", "ready", "restartCount", "started", "state", "lastState"]);
  // Conditions the columns read: Initialized, Ready, PodScheduled (SchedulingGated) and readiness gates.
  const gates = new Set(((spec?.readinessGates as Array<{ conditionType?: string }> | undefined) ?? []).map((g) => g.conditionType));
  const conditions = Array.isArray(status?.conditions)
    ? (status.conditions as Json[]).filter((c) => ["Initialized", "Ready", "PodScheduled"].includes(c.type as string) || gates.has(c.type as string))
    : undefined;
  const podIPs = status?.podIPs as Array<{ ip?: string }> | undefined;
  return {
    apiVersion: pod.apiVersion,
    kind: pod.kind,
    metadata: pick(metadata, ["name", "namespace", "uid", "resourceVersion", "creationTimestamp", "deletionTimestamp", "labels"]),
    spec: spec && {
      ...pick(spec, ["nodeName", "readinessGates"]),
      containers: pickAll(spec.containers, ["name"]),
      ...(spec.initContainers ? { initContainers: pickAll(spec.initContainers, ["name", "restartPolicy"]) } : {}),
    },
    status: status && {
      ...pick(status, ["phase", "reason", "nominatedNodeName"]),
      // The IP column prints the first of podIPs (or podIP): one address is enough.
      ...(podIPs?.[0]?.ip || status.podIP ? { podIP: podIPs?.[0]?.ip ?? status.podIP } : {}),
      conditions: pickAll(conditions, ["type", "status", "reason"]),
      ...(status.initContainerStatuses ? { initContainerStatuses: statuses(status.initContainerStatuses) } : {}),
      containerStatuses: statuses(status.containerStatuses),
    },
  };
}

function slimTemplate(spec: Json | undefined): Json | undefined {
  const template = spec?.template as Json | undefined;
  if (!spec || !template) return spec;
  return { ...spec, template: { ...template, spec: slimPodSpec(template.spec as Json | undefined) } };
}

/**
 * The object as lists and watch events carry it: pods projected to their columns' fields,
 * no managedFields or last-applied annotation, pod templates without env/volumes/probes,
 * and Secrets and ConfigMaps without values (their detail view loads them on demand).
 */
export function slimObject(resource: TExplorerResource, obj: Json): TKubeObject {
  let out: Json = { ...obj, metadata: slimMetadata(obj.metadata as Json | undefined) };
  switch (resource) {
    case "pods":
      return projectPod(obj) as TKubeObject;
    case "deployments":
    case "replicasets":
    case "daemonsets":
    case "statefulsets":
    case "jobs":
      out.spec = slimTemplate(obj.spec as Json | undefined);
      break;
    case "secrets":
      out = redactSecretData(out);
      break;
    case "configmaps": {
      const blank = (m: unknown) => (m && typeof m === "object" ? Object.fromEntries(Object.keys(m).map((k) => [k, ""])) : m);
      if ("data" in obj) out.data = blank(obj.data);
      if ("binaryData" in obj) out.binaryData = blank(obj.binaryData);
      break;
    }
    case "nodes": {
      const status = obj.status as Json | undefined;
      // Image lists run to hundreds of entries on busy nodes; no column reads them.
      if (status) out.status = withoutKeys(status, ["images"]);
      break;
    }
    default:
      break;
  }
  return out as TKubeObject;
}
