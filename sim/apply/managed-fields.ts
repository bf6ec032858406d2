import { ApiError } from "../api/status";
import type { KubeObject } from "../store/kube-types";
import { isRecord } from "../store/kube-types";
import { compare, fromFieldsV1, intersect, joinPath, minus, pathString, splitPath, toFieldSet, toFieldsV1, union, type FieldSet } from "./field-set";
import { mergeApplied, removePath } from "./merge-applied";

// metadata.managedFields as kube-apiserver's field manager keeps them: one entry per
// manager × operation (× apiVersion for updates) × subresource, Apply entries own what the
// applier sent, Update entries what each writer changed; conflicts and force like
// structured-merge-diff's Updater.

export interface ManagedEntry {
  manager: string;
  operation: "Apply" | "Update";
  apiVersion: string;
  time?: string;
  subresource?: string;
  set: FieldSet;
}

export interface WriteContext {
  manager: string;
  apiVersion: string;
  /** "status" or "scale" for those subresources, "" for the main resource. */
  subresource: string;
  /** Whether the type has a status subresource (then the main resource never owns status, nor the status subresource anything else). */
  hasStatus: boolean;
  now: string;
}

const META_IGNORED = new Set(["f:managedFields", "f:resourceVersion", "f:generation", "f:uid", "f:creationTimestamp", "f:selfLink", "f:deletionTimestamp", "f:deletionGracePeriodSeconds", "f:name", "f:namespace"]);

/** Fields no manager owns: identity, bookkeeping, and status or spec per subresource. */
function ignoreFor(ctx: WriteContext): (path: string[]) => boolean {
  return (path) => {
    const top = path[0];
    if (top === "f:apiVersion" || top === "f:kind") return true;
    if (top === "f:metadata" && path.length === 2 && META_IGNORED.has(path[1] ?? "")) return true;
    if (ctx.hasStatus && ctx.subresource === "status") return top !== "f:status" && !(top === "f:metadata" && path.length >= 2);
    if (ctx.hasStatus && ctx.subresource === "") return top === "f:status";
    return false;
  };
}

/** Reads metadata.managedFields (entries it cannot read are dropped, like a reset). */
export function readManagedFields(obj: KubeObject | undefined): ManagedEntry[] {
  const raw = (obj?.metadata as { managedFields?: unknown } | undefined)?.managedFields;
  if (!Array.isArray(raw)) return [];
  return raw.filter(isRecord).map((e) => ({
    manager: String(e.manager ?? ""),
    operation: e.operation === "Apply" ? "Apply" : "Update",
    apiVersion: String(e.apiVersion ?? ""),
    time: typeof e.time === "string" ? e.time : undefined,
    subresource: typeof e.subresource === "string" && e.subresource ? e.subresource : undefined,
    set: fromFieldsV1(e.fieldsV1),
  }));
}

/** Serialises entries in the apiserver's order: Apply before Update, then time, manager. */
export function writeManagedFields(entries: ManagedEntry[]): Record<string, unknown>[] {
  const sorted = entries.filter((e) => e.set.size > 0).sort((p, q) => p.operation.localeCompare(q.operation) || (p.time ?? "").localeCompare(q.time ?? "") || p.manager.localeCompare(q.manager) || p.apiVersion.localeCompare(q.apiVersion) || (p.subresource ?? "").localeCompare(q.subresource ?? ""));
  return sorted.map((e) => ({ manager: e.manager, operation: e.operation, apiVersion: e.apiVersion, time: e.time, fieldsType: "FieldsV1", fieldsV1: toFieldsV1(e.set), ...(e.subresource ? { subresource: e.subresource } : {}) }));
}

const sameEntry = (e: ManagedEntry, manager: string, op: "Apply" | "Update", ctx: WriteContext) => e.manager === manager && e.operation === op && (e.subresource ?? "") === ctx.subresource && (op === "Apply" || e.apiVersion === ctx.apiVersion);

/** How the apiserver names a manager in a conflict: `"m"`, `"m" using apps/v1`, `… with subresource "status"`. */
function describeManager(e: ManagedEntry): string {
  let s = JSON.stringify(e.manager);
  if (e.subresource) s += ` with subresource ${JSON.stringify(e.subresource)}`;
  return e.operation === "Update" ? `${s} using ${e.apiVersion}` : s;
}

function conflictError(conflicts: Array<{ entry: ManagedEntry; path: string }>): ApiError {
  let message: string;
  if (conflicts.length === 1) {
    const c = conflicts[0] as { entry: ManagedEntry; path: string };
    message = `Apply failed with 1 conflict: conflict with ${describeManager(c.entry)}: ${pathString(c.path)}`;
  } else {
    const byManager = new Map<string, string[]>();
    for (const c of conflicts) byManager.set(describeManager(c.entry), [...(byManager.get(describeManager(c.entry)) ?? []), pathString(c.path)]);
    const lines = [...byManager.keys()].sort().flatMap((m) => [`conflicts with ${m}:`, ...(byManager.get(m) ?? []).map((p) => `- ${p}`)]);
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join("\n")}`;
  }
  return new ApiError(409, message, "Conflict", { causes: conflicts.map((c) => ({ reason: "FieldManagerConflict", message: `conflict with ${describeManager(c.entry)}`, field: pathString(c.path) })) });
}

/** Takes changed fields away from other managers (Update always forces), gives them to the writer. */
function settle(entries: ManagedEntry[], writer: ManagedEntry, changed: FieldSet, removed: FieldSet, force: boolean): ManagedEntry[] {
  const conflicts: Array<{ entry: ManagedEntry; path: string }> = [];
  for (const e of entries) {
    if (e === writer) continue;
    for (const p of intersect(e.set, changed)) conflicts.push({ entry: e, path: p });
  }
  if (conflicts.length > 0 && !force) throw conflictError(conflicts.sort((a, b) => a.path.localeCompare(b.path)));
  for (const e of entries) if (e !== writer) e.set = minus(minus(e.set, changed), removed);
  return entries.filter((e) => e.set.size > 0);
}

/** Records an Update (create, update, non-apply patch) by `ctx.manager` from `before` to `after`. */
export function recordUpdate(before: KubeObject | undefined, after: KubeObject, ctx: WriteContext): Record<string, unknown>[] {
  const sent = (after.metadata as { managedFields?: unknown }).managedFields;
  const base = Array.isArray(sent) && sent.length > 0 ? readManagedFields(after) : readManagedFields(before);
  const cmp = compare((before ?? {}) as Record<string, unknown>, after as Record<string, unknown>, ignoreFor(ctx));
  let writer = base.find((e) => sameEntry(e, ctx.manager, "Update", ctx));
  if (!writer) base.push((writer = { manager: ctx.manager, operation: "Update", apiVersion: ctx.apiVersion, subresource: ctx.subresource || undefined, set: new Set() }));
  const changed = union(cmp.added, cmp.modified);
  const entries = settle(base, writer, changed, cmp.removed, true);
  const next = union(minus(writer.set, cmp.removed), changed);
  if (changed.size > 0 || cmp.removed.size > 0) writer.time = ctx.now;
  writer.set = next;
  return writeManagedFields(next.size > 0 && !entries.includes(writer) ? [...entries, writer] : entries);
}

/**
 * Server-side apply of `config` by `ctx.manager` onto `live` (undefined when creating):
 * merges, prunes what the manager applied last time and no longer sends (unless another
 * manager owns it), refuses conflicts unless `force`. Returns the object with its new
 * managedFields.
 */
export function serverSideApply(live: KubeObject | undefined, config: KubeObject, ctx: WriteContext, force: boolean): KubeObject {
  const ignore = ignoreFor(ctx);
  const entries = readManagedFields(live);
  const applied = toFieldSet(config as Record<string, unknown>, ignore);
  const previous = entries.find((e) => sameEntry(e, ctx.manager, "Apply", ctx));
  const merged = structuredClone(mergeApplied((live ?? {}) as Record<string, unknown>, config as Record<string, unknown>));
  if (previous) {
    // Pruned: what this manager applied last time and nobody (itself included) manages now,
    // at or below the path; parents of still-managed fields stay.
    const kept = new Set<string>();
    for (const p of union(applied, ...entries.filter((e) => e !== previous).map((e) => e.set))) {
      const els = splitPath(p);
      for (let i = 1; i <= els.length; i++) kept.add(joinPath(els.slice(0, i)));
    }
    const dropped = [...minus(previous.set, applied)].filter((p) => !kept.has(p)).sort().reverse();
    for (const p of dropped) removePath(merged, p);
  }
  const writer: ManagedEntry = previous ?? { manager: ctx.manager, operation: "Apply", apiVersion: ctx.apiVersion, subresource: ctx.subresource || undefined, set: new Set() };
  if (!previous) entries.push(writer);
  const cmp = compare((live ?? {}) as Record<string, unknown>, merged, ignore);
  const kept = settle(entries, writer, union(cmp.added, cmp.modified), cmp.removed, force);
  writer.set = applied;
  writer.apiVersion = ctx.apiVersion;
  writer.time = ctx.now;
  const out = merged as KubeObject;
  const managedFields = writeManagedFields(kept.includes(writer) ? kept : [...kept, writer]);
  // A no-op apply changes nothing, not even the timestamps.
  const withoutTimes = (m: unknown) => JSON.stringify(Array.isArray(m) ? m.map((e: Record<string, unknown>) => ({ ...e, time: undefined })) : m);
  const liveFields = (live?.metadata as { managedFields?: unknown } | undefined)?.managedFields;
  if (live && withoutTimes(liveFields) === withoutTimes(managedFields) && JSON.stringify({ ...out, metadata: { ...out.metadata, managedFields: undefined } }) === JSON.stringify({ ...live, metadata: { ...live.metadata, managedFields: undefined } })) return live;
  out.metadata = { ...(isRecord(out.metadata) ? out.metadata : {}), managedFields } as KubeObject["metadata"];
  return out;
}
