import { isRecord } from "../store/kube-types";
import { isAtomicMap, itemKey, keyElement, listKind } from "./field-schema";

// Field sets as structured-merge-diff keeps them: a set of paths, each a list of path
// elements written as in fieldsV1 (`f:spec`, `k:{"name":"web"}`, `v:"x"`, `i:0`). A path is
// a member when the field is a leaf (scalar, atomic list or map, empty map), or a list
// item; parents of members are implied. Paths are joined with "\n" to live in a Set.

export type FieldSet = Set<string>;
const SEP = "\n";

export const joinPath = (p: string[]): string => p.join(SEP);
export const splitPath = (p: string): string[] => p.split(SEP);

/** Elements of the items of list `name`, or undefined for an atomic list. */
function listElements(name: string, items: unknown[]): Array<[string, unknown]> | undefined {
  const kind = listKind(name, items);
  if (kind.type === "atomic") return undefined;
  if (kind.type === "set") return items.map((v) => [`v:${JSON.stringify(v)}`, v]);
  const out: Array<[string, unknown]> = [];
  for (const item of items) {
    const key = itemKey(kind.keys, item);
    if (!key) return undefined;
    out.push([keyElement(key), item]);
  }
  return out;
}

/** Children of a value by path element, or undefined when the value is a leaf. */
export function childrenOf(name: string, v: unknown): Map<string, unknown> | undefined {
  if (Array.isArray(v)) {
    const els = listElements(name, v);
    return els ? new Map(els) : undefined;
  }
  if (isRecord(v) && !isAtomicMap(name) && Object.keys(v).length > 0) return new Map(Object.entries(v).map(([k, c]) => [`f:${k}`, c]));
  return undefined;
}

const nameOf = (el: string): string => (el.startsWith("f:") ? el.slice(2) : "");

/** The set an applied configuration manages (structured-merge-diff's ToFieldSet). */
export function toFieldSet(obj: Record<string, unknown>, ignore: (path: string[]) => boolean): FieldSet {
  const out: FieldSet = new Set();
  const walk = (path: string[], name: string, v: unknown, isItem: boolean) => {
    if (ignore(path)) return;
    const kids = childrenOf(name, v);
    if (!kids || isItem) out.add(joinPath(path));
    if (kids) for (const [el, c] of kids) walk([...path, el], nameOf(el) || name, c, el.startsWith("k:") || el.startsWith("v:"));
  };
  for (const [k, v] of Object.entries(obj)) walk([`f:${k}`], k, v, false);
  return out;
}

/**
 * Fields that are never members of an Update's set themselves, only their children: the Go
 * types make them non-pointer structs or required lists, so the "empty" object the
 * apiserver compares a create against already has them (fieldsV1 shows no `.` there).
 */
const NOT_MEMBERS = new Set(["metadata", "spec", "status", "template", "strategy", "updateStrategy", "resources", "containers", "jobTemplate"]);

export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

/** What changed from `a` to `b` (structured-merge-diff's Compare). */
export function compare(a: Record<string, unknown>, b: Record<string, unknown>, ignore: (path: string[]) => boolean): Comparison {
  const c: Comparison = { added: new Set(), modified: new Set(), removed: new Set() };
  const all = (set: FieldSet, path: string[], name: string, v: unknown) => {
    if (ignore(path)) return;
    const last = path[path.length - 1] ?? "";
    if (!NOT_MEMBERS.has(name) || last.startsWith("k:") || last.startsWith("v:") || !childrenOf(name, v)) set.add(joinPath(path));
    const kids = childrenOf(name, v);
    if (kids) for (const [el, x] of kids) all(set, [...path, el], nameOf(el) || name, x);
  };
  const walk = (path: string[], name: string, x: unknown, y: unknown) => {
    if (ignore(path)) return;
    if (x === undefined) return all(c.added, path, name, y);
    if (y === undefined) return all(c.removed, path, name, x);
    const kx = childrenOf(name, x);
    const ky = childrenOf(name, y);
    if (!kx || !ky) {
      if (JSON.stringify(x) !== JSON.stringify(y)) c.modified.add(joinPath(path));
      return;
    }
    for (const el of new Set([...kx.keys(), ...ky.keys()])) walk([...path, el], nameOf(el) || name, kx.get(el), ky.get(el));
  };
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk([`f:${k}`], k, a[k], b[k]);
  return c;
}

export const union = (...sets: FieldSet[]): FieldSet => new Set(sets.flatMap((s) => [...s]));
export const minus = (a: FieldSet, b: FieldSet): FieldSet => new Set([...a].filter((p) => !b.has(p)));
export const intersect = (a: FieldSet, b: FieldSet): FieldSet => new Set([...a].filter((p) => b.has(p)));

/** The fieldsV1 JSON of a set: nested objects, `.` marking a member that has children. */
export function toFieldsV1(set: FieldSet): Record<string, unknown> {
  const root: Record<string, Record<string, unknown>> = {};
  const members = [...set].sort();
  for (const m of members) {
    let node: Record<string, unknown> = root;
    for (const el of splitPath(m)) node = (node[el] ??= {}) as Record<string, unknown>;
  }
  for (const m of members) {
    let node: Record<string, unknown> = root;
    for (const el of splitPath(m)) node = node[el] as Record<string, unknown>;
    if (Object.keys(node).length > 0) node["."] = {};
  }
  return root;
}

/** The set a fieldsV1 JSON describes. */
export function fromFieldsV1(v: unknown): FieldSet {
  const out: FieldSet = new Set();
  const walk = (path: string[], node: unknown) => {
    if (!isRecord(node)) return;
    const keys = Object.keys(node);
    if (path.length > 0 && (keys.length === 0 || keys.includes("."))) out.add(joinPath(path));
    for (const k of keys) if (k !== ".") walk([...path, k], node[k]);
  };
  walk([], v);
  return out;
}

/** `.spec.template.spec.containers[name="web"].image`, as the apiserver names fields. */
export function pathString(path: string): string {
  return splitPath(path)
    .map((el) => {
      if (el.startsWith("f:")) return `.${el.slice(2)}`;
      if (el.startsWith("v:")) return `[=${el.slice(2)}]`;
      if (el.startsWith("i:")) return `[${el.slice(2)}]`;
      const key = JSON.parse(el.slice(2)) as Record<string, unknown>;
      return `[${Object.entries(key).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(",")}]`;
    })
    .join("");
}
