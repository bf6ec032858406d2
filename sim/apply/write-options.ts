import type { IncomingMessage } from "node:http";
import YAML from "yaml";
import type { ResourcePath } from "../api/parse-resource-path";
import { ApiError } from "../api/status";
import type { ClusterState } from "../cluster/cluster-state";
import type { KubeObject } from "../store/kube-types";
import { isRecord } from "../store/kube-types";
import { isoTime } from "../store/object-store";
import { apiVersionOf } from "../store/resource-registry";
import { recordUpdate, serverSideApply, type WriteContext } from "./managed-fields";

// The write options every mutating request carries (dryRun, fieldManager, force) checked as
// kube-apiserver's ValidateCreateOptions/UpdateOptions/PatchOptions/DeleteOptions do, and the
// field-manager context writes record managedFields with.

export const APPLY_PATCH = "application/apply-patch+yaml";

type Verb = "Create" | "Update" | "Patch" | "Delete";

function invalidOptions(verb: Verb, field: string, reason: "FieldValueRequired" | "FieldValueForbidden" | "FieldValueNotSupported" | "FieldValueTooLong", message: string): ApiError {
  return new ApiError(422, `${verb}Options.meta.k8s.io "" is invalid: ${field}: ${message}`, "Invalid", { group: "meta.k8s.io", kind: `${verb}Options`, causes: [{ reason, message, field }] });
}

/**
 * Validates dryRun (only `All`), fieldManager (≤ 128 characters, required for apply) and
 * force (apply only). Returns whether the request is a dry run.
 */
export function checkWriteOptions(verb: Verb, q: URLSearchParams, apply = false): boolean {
  const dryRun = q.getAll("dryRun");
  const bad = dryRun.filter((d) => d !== "All");
  if (bad.length > 0) throw invalidOptions(verb, "dryRun", "FieldValueNotSupported", `Unsupported value: []string{${dryRun.map((d) => JSON.stringify(d)).join(", ")}}: supported values: "All"`);
  const manager = q.get("fieldManager") ?? "";
  if (manager.length > 128) throw invalidOptions(verb, "fieldManager", "FieldValueTooLong", `Too long: may not be more than 128 bytes`);
  if (verb === "Patch" && apply && !manager) throw invalidOptions(verb, "fieldManager", "FieldValueRequired", "Required value: is required for apply patch");
  if (verb === "Patch" && !apply && q.has("force")) throw invalidOptions(verb, "force", "FieldValueForbidden", "Forbidden: may not be specified for non-apply patch");
  return dryRun.length > 0;
}

/** The manager a write is recorded under: `fieldManager`, else the User-Agent's product name. */
export function writeContext(cluster: ClusterState, p: ResourcePath, req: IncomingMessage, q: URLSearchParams): WriteContext {
  const ua = req.headers["user-agent"] ?? "";
  const manager = q.get("fieldManager") || ua.split("/")[0]?.slice(0, 128) || "unknown";
  return { manager, apiVersion: apiVersionOf(p.type), subresource: p.subresource === "status" || p.subresource === "scale" ? p.subresource : "", hasStatus: (p.type.subresources ?? []).includes("status"), now: isoTime(cluster.now()) };
}

/** The tracker createObject/updateObject call just before storing: records the Update. */
export function updateTracker(ctx: WriteContext): (before: KubeObject | undefined, after: KubeObject) => KubeObject {
  return (before, after) => ({ ...after, metadata: { ...after.metadata, managedFields: recordUpdate(before, after, ctx) } as KubeObject["metadata"] });
}

/** Parses an apply-patch body (YAML or JSON) into the configuration object. */
export function parseApplyBody(body: Buffer, p: ResourcePath): KubeObject {
  let v: unknown;
  try {
    v = YAML.parse(body.toString("utf8"));
  } catch (e) {
    throw new ApiError(400, `error decoding YAML: ${(e as Error).message.slice(0, 200)}`);
  }
  if (!isRecord(v)) throw new ApiError(400, "the body of an apply patch must be an object");
  const want = apiVersionOf(p.type);
  if (v.apiVersion !== want || v.kind !== p.type.kind) throw new ApiError(400, `the API version in the data (${String(v.apiVersion ?? "")}) does not match the expected API version (${want})`);
  const meta = isRecord(v.metadata) ? v.metadata : {};
  if (meta.name !== undefined && meta.name !== p.name) throw new ApiError(400, `the name of the object (${String(meta.name)}) does not match the name on the URL (${p.name ?? ""})`);
  if (p.namespace && meta.namespace !== undefined && meta.namespace !== p.namespace) throw new ApiError(400, "the namespace of the provided object does not match the namespace sent on the request");
  if (meta.managedFields !== undefined) throw new ApiError(400, "metadata.managedFields must be nil");
  return { ...v, metadata: { ...meta, name: p.name ?? "", ...(p.namespace ? { namespace: p.namespace } : {}) } } as KubeObject;
}

/** The object a server-side apply writes (with managedFields), from the live one if any. */
export function applyConfiguration(live: KubeObject | undefined, config: KubeObject, ctx: WriteContext, force: boolean): KubeObject {
  return serverSideApply(live, config, ctx, force);
}
