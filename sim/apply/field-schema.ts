import { isRecord } from "../store/kube-types";

// What structured-merge-diff learns from the OpenAPI extensions (x-kubernetes-list-type,
// -list-map-keys, -map-type), for the built-in types, decided by field name as the
// simulator has no schemas: associative lists and their keys, sets, atomic maps. Any other
// list is atomic; any other object is a granular map/struct.

const LIST_KEYS: Record<string, string[]> = {
  containers: ["name"],
  initContainers: ["name"],
  ephemeralContainers: ["name"],
  env: ["name"],
  volumes: ["name"],
  volumeMounts: ["mountPath"],
  volumeDevices: ["devicePath"],
  imagePullSecrets: ["name"],
  hostAliases: ["ip"],
  conditions: ["type"],
  ownerReferences: ["uid"],
  topologySpreadConstraints: ["topologyKey", "whenUnsatisfiable"],
  resourceClaims: ["name"],
  schedulingGates: ["name"],
};
const SETS = new Set(["finalizers"]);
/** LabelSelector, Service.spec.selector and the key selectors are `x-kubernetes-map-type: atomic`. */
const ATOMIC_MAPS = new Set(["selector", "podSelector", "namespaceSelector", "labelSelector", "nodeSelectorTerms", "configMapKeyRef", "secretKeyRef", "fieldRef", "resourceFieldRef", "roleRef"]);

export type ListKind = { type: "map"; keys: string[] } | { type: "set" } | { type: "atomic" };

/** The list type of field `name` holding `items`. */
export function listKind(name: string, items: unknown[]): ListKind {
  if (SETS.has(name)) return { type: "set" };
  if (name === "ports") {
    // Container ports are keyed by containerPort+protocol, Service ports by port+protocol.
    const first = items.find(isRecord);
    return { type: "map", keys: first && "containerPort" in first ? ["containerPort", "protocol"] : ["port", "protocol"] };
  }
  const keys = LIST_KEYS[name];
  return keys ? { type: "map", keys } : { type: "atomic" };
}

export function isAtomicMap(name: string): boolean {
  return ATOMIC_MAPS.has(name);
}

/** The key of an associative list item, with the schema default for a missing protocol. */
export function itemKey(keys: string[], item: unknown): Record<string, unknown> | undefined {
  if (!isRecord(item)) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = item[k] ?? (k === "protocol" ? "TCP" : undefined);
    if (v === undefined) return undefined;
    out[k] = v;
  }
  return out;
}

/** `k:{"containerPort":80,"protocol":"TCP"}` — keys in sorted order, as fieldsV1 writes them. */
export function keyElement(key: Record<string, unknown>): string {
  const sorted = Object.fromEntries(Object.keys(key).sort().map((k) => [k, key[k]]));
  return `k:${JSON.stringify(sorted)}`;
}
