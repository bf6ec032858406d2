// Splits a multi-document YAML manifest into Kubernetes objects (pure; both sides use it).
import { parseAllDocuments } from "yaml";
import { MAX_MANIFEST_DOCUMENTS } from "./yaml-apply.schema";

export interface ManifestObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string } & Record<string, unknown>;
  [key: string]: unknown;
}

export type ManifestParse = { ok: true; objects: ManifestObject[] } | { ok: false; errors: string[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Parses every document; empty ones (a trailing `---`) are skipped, `kind: List` is
 * expanded like kubectl does. Each object needs apiVersion, kind and metadata.name
 * (generateName is not supported by apply). Errors name the document (1-based).
 */
export function parseManifest(text: string): ManifestParse {
  const errors: string[] = [];
  const objects: ManifestObject[] = [];
  const docs = parseAllDocuments(text, { prettyErrors: true });
  const list = Array.isArray(docs) ? docs : [docs];
  list.forEach((doc, i) => {
    const n = i + 1;
    if (doc.errors.length > 0) return errors.push(`document ${n}: ${doc.errors[0]!.message.split("\n")[0]}`);
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) return;
    const items = isRecord(value) && value.kind === "List" && Array.isArray(value.items) ? (value.items as unknown[]) : [value];
    for (const item of items) {
      if (!isRecord(item)) return errors.push(`document ${n}: is not a mapping`);
      const meta = item.metadata;
      if (typeof item.apiVersion !== "string" || !item.apiVersion) return errors.push(`document ${n}: apiVersion is required`);
      if (typeof item.kind !== "string" || !item.kind) return errors.push(`document ${n}: kind is required`);
      if (!isRecord(meta) || typeof meta.name !== "string" || !meta.name) return errors.push(`document ${n}: metadata.name is required`);
      if (meta.namespace !== undefined && typeof meta.namespace !== "string") return errors.push(`document ${n}: metadata.namespace must be a string`);
      objects.push(item as ManifestObject);
    }
  });
  if (objects.length > MAX_MANIFEST_DOCUMENTS) errors.push(`at most ${MAX_MANIFEST_DOCUMENTS} objects per manifest`);
  if (errors.length === 0 && objects.length === 0) errors.push("the manifest contains no object");
  return errors.length > 0 ? { ok: false, errors } : { ok: true, objects };
}

/**
 * The object as an apply configuration for the editor: without status and the fields the
 * server owns (managedFields, uid, resourceVersion, generation, creationTimestamp), which
 * an apply must not carry.
 */
export function toApplyConfiguration(object: Record<string, unknown>): Record<string, unknown> {
  const { status: _status, ...rest } = object;
  const meta = isRecord(rest.metadata) ? { ...rest.metadata } : {};
  for (const key of ["managedFields", "uid", "resourceVersion", "generation", "creationTimestamp", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds"]) delete meta[key];
  return { ...rest, metadata: meta };
}
