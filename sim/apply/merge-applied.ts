import { isRecord } from "../store/kube-types";
import { isAtomicMap } from "./field-schema";
import { childrenOf, splitPath } from "./field-set";

// Merging an applied configuration into the live object and pruning fields an applier
// stopped managing — structured-merge-diff's Merge and RemoveItems for the simulator's
// schema hints (associative lists merge by key, atomic lists and maps are replaced).

function mergeValue(name: string, live: unknown, config: unknown): unknown {
  if (live === undefined || config === null) return config;
  if (Array.isArray(live) && Array.isArray(config)) {
    const lk = childrenOf(name, live);
    const ck = childrenOf(name, config);
    if (!lk || !ck) return config;
    const out: unknown[] = [];
    for (const [el, item] of lk) out.push(ck.has(el) ? mergeValue(name, item, ck.get(el)) : item);
    for (const [el, item] of ck) if (!lk.has(el)) out.push(item);
    return out;
  }
  if (isRecord(live) && isRecord(config) && !isAtomicMap(name)) {
    const out: Record<string, unknown> = { ...live };
    for (const [k, v] of Object.entries(config)) out[k] = mergeValue(k, live[k], v);
    return out;
  }
  return config;
}

/** The live object with the configuration merged in. */
export function mergeApplied(live: Record<string, unknown>, config: Record<string, unknown>): Record<string, unknown> {
  return mergeValue("", live, config) as Record<string, unknown>;
}

/** Removes the field or list item at a path (a no-op when it is not there). */
export function removePath(obj: Record<string, unknown>, path: string): void {
  const els = splitPath(path);
  let parent: unknown = obj;
  let name = "";
  for (let i = 0; i < els.length; i++) {
    const el = els[i] ?? "";
    const last = i === els.length - 1;
    if (el.startsWith("f:") && isRecord(parent)) {
      const key = el.slice(2);
      if (last) {
        delete parent[key];
        return;
      }
      name = key;
      parent = parent[key];
    } else if (Array.isArray(parent)) {
      const kids = childrenOf(name, parent);
      if (!kids) return;
      const idx = [...kids.keys()].indexOf(el);
      if (idx < 0) return;
      if (last) {
        parent.splice(idx, 1);
        return;
      }
      parent = parent[idx];
    } else return;
  }
}
