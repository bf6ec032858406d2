import { isRecord } from "../../store/kube-types";
import { mergePatch } from "./json-patches";

// Strategic merge patch for the built-in types kubectl patches (client-side apply, edit,
// label, scale). The patchMergeKey of a list is decided by its field name, as in the Go
// struct tags; lists not listed here are replaced atomically.

const MERGE_KEYS: Record<string, string> = {
  containers: "name",
  initContainers: "name",
  ephemeralContainers: "name",
  env: "name",
  volumes: "name",
  volumeMounts: "mountPath",
  volumeDevices: "devicePath",
  imagePullSecrets: "name",
  hostAliases: "ip",
  conditions: "type",
  ownerReferences: "uid",
  topologySpreadConstraints: "topologyKey",
  resourceClaims: "name",
};
const PRIMITIVE_MERGE = new Set(["finalizers"]);

function mergeKeyOf(field: string, items: unknown[]): string | undefined {
  if (field === "ports") {
    const first = items.find(isRecord);
    if (first && "containerPort" in first) return "containerPort";
    return "port";
  }
  return MERGE_KEYS[field];
}

function mergeList(field: string, cur: unknown, patch: unknown[], order: unknown[] | undefined): unknown[] {
  const base = Array.isArray(cur) ? cur : [];
  if (PRIMITIVE_MERGE.has(field)) {
    const out = [...base];
    for (const v of patch) if (!out.includes(v)) out.push(v);
    return out;
  }
  const key = mergeKeyOf(field, [...patch, ...base]);
  if (!key) return patch.filter((p) => !(isRecord(p) && p.$patch));
  if (patch.some((p) => isRecord(p) && p.$patch === "replace")) return patch.filter((p) => !(isRecord(p) && p.$patch === "replace"));
  const out = base.map((x) => x);
  for (const p of patch) {
    if (!isRecord(p)) continue;
    const idx = out.findIndex((x) => isRecord(x) && x[key] === p[key]);
    if (p.$patch === "delete") {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) out[idx] = strategicMerge(out[idx], p);
    else out.push(strategicMerge({}, p));
  }
  if (order) {
    const rank = (x: unknown): number => {
      const i = order.findIndex((o) => isRecord(o) && isRecord(x) && o[key] === x[key]);
      return i < 0 ? order.length : i;
    };
    out.sort((a, b) => rank(a) - rank(b));
  }
  return out;
}

/** Applies a strategic-merge patch (directives $patch, $retainKeys, $setElementOrder, $deleteFromPrimitiveList). */
export function strategicMerge(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  if (patch.$patch === "replace") {
    const { $patch: _drop, ...rest } = patch;
    return rest;
  }
  if (patch.$patch === "delete") return undefined;
  let out: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  const retain = Array.isArray(patch.$retainKeys) ? (patch.$retainKeys as string[]) : undefined;
  if (retain) out = Object.fromEntries(Object.entries(out).filter(([k]) => retain.includes(k) || k in patch));
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith("$")) {
      const m = k.match(/^\$deleteFromPrimitiveList\/(.+)$/);
      if (m?.[1] && Array.isArray(out[m[1]]) && Array.isArray(v)) out[m[1]] = (out[m[1]] as unknown[]).filter((x) => !v.includes(x));
      continue;
    }
    if (v === null) {
      delete out[k];
    } else if (Array.isArray(v)) {
      const order = patch[`$setElementOrder/${k}`];
      out[k] = mergeList(k, out[k], v, Array.isArray(order) ? order : undefined);
    } else if (isRecord(v)) {
      const merged = strategicMerge(out[k], v);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    } else out[k] = v;
  }
  for (const k of Object.keys(patch)) {
    const m = k.match(/^\$setElementOrder\/(.+)$/);
    if (m?.[1] && !(m[1] in patch) && Array.isArray(out[m[1]])) {
      const order = patch[k] as unknown[];
      out[m[1]] = mergeList(m[1], out[m[1]], [], order);
    }
  }
  return out;
}

/** JSON merge patch re-exported for the patch handler. */
export { mergePatch };
