// Turns a revision's YAML into the objects one cluster gets: `${cluster.name}`,
// `${cluster.labels.<key>}` and `${values.<key>}` (bundle-values.ts) substituted,
// documents parsed, every object checked against the kinds bundles may carry and stamped
// with the ownership label and annotations that pruning relies on (never delete what
// Outpost did not create). Pure: the API validates with it, the apply engine renders with it.
import { parseAllDocuments } from "yaml";
import { bundleKindOf, objectRef, supportedKindsText, type TBundleKind, type TObjectRef } from "./bundle-kinds";

/** Label on every object (and pod template) a bundle applies: the bundle's id. */
export const BUNDLE_ID_LABEL = "fleet.outpost.io/bundle-id";
export const BUNDLE_NAME_ANNOTATION = "fleet.outpost.io/bundle";
export const BUNDLE_REVISION_ANNOTATION = "fleet.outpost.io/revision";
/** Label on a workload's pod template: the revision, so health reads only that revision's pods. */
export const BUNDLE_REVISION_LABEL = "fleet.outpost.io/revision";
/** The field manager of every server-side apply. */
export const FLEET_FIELD_MANAGER = "outpost-fleet";
/** Largest revision accepted (the YAML text). */
export const MAX_BUNDLE_YAML_BYTES = 512 * 1024;
export const MAX_BUNDLE_OBJECTS = 200;

export interface TBundleCluster {
  name: string;
  labels: Record<string, string>;
  /** The revision's values for this cluster (defaults + matching overrides); none when omitted. */
  values?: Record<string, string>;
}

export interface TRenderedObject {
  ref: TObjectRef;
  kind: TBundleKind;
  namespace?: string;
  name: string;
  body: Record<string, unknown>;
}

export class BundleRenderError extends Error {
  override name = "BundleRenderError";
}

const VARIABLE = /\$\{([^}]*)\}/g;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Replaces the `${cluster.…}` and `${values.…}` variables; an unknown variable, a missing label or value is an error. */
export function substituteClusterValues(yaml: string, cluster: TBundleCluster): string {
  return yaml.replace(VARIABLE, (_, expr: string) => {
    const name = expr.trim();
    if (name === "cluster.name") return cluster.name;
    if (name.startsWith("values.")) {
      const key = name.slice("values.".length);
      const value = cluster.values?.[key];
      if (value === undefined) throw new BundleRenderError(`no value "${key}" for cluster ${cluster.name} (used as \${${name}}; give it a default in values or an override)`);
      return value;
    }
    if (name.startsWith("cluster.labels.")) {
      const key = name.slice("cluster.labels.".length);
      if (!LABEL_KEY.test(key)) throw new BundleRenderError(`\${${name}}: "${key}" is not a label key`);
      const value = cluster.labels[key];
      if (value === undefined) throw new BundleRenderError(`cluster ${cluster.name} has no label "${key}" (used as \${${name}})`);
      return value;
    }
    throw new BundleRenderError(`unknown variable \${${name}}: use \${cluster.name}, \${cluster.labels.<key>} or \${values.<key>}`);
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function stamp(meta: Record<string, unknown>, bundle: { id: string; name: string }, revision: number | undefined): Record<string, unknown> {
  const labels = isRecord(meta.labels) ? meta.labels : {};
  const annotations = isRecord(meta.annotations) ? meta.annotations : {};
  return {
    ...meta,
    labels: { ...labels, [BUNDLE_ID_LABEL]: bundle.id },
    annotations: { ...annotations, [BUNDLE_NAME_ANNOTATION]: bundle.name, ...(revision !== undefined ? { [BUNDLE_REVISION_ANNOTATION]: String(revision) } : {}) },
  };
}

function checkObject(doc: unknown, index: number): { kind: TBundleKind; name: string; namespace?: string; obj: Record<string, unknown> } {
  const where = `document ${index + 1}`;
  if (!isRecord(doc)) throw new BundleRenderError(`${where}: is not a Kubernetes object (a YAML mapping with apiVersion, kind and metadata)`);
  const { apiVersion, kind } = doc;
  if (typeof apiVersion !== "string" || typeof kind !== "string") throw new BundleRenderError(`${where}: apiVersion and kind are required`);
  const info = bundleKindOf(apiVersion, kind);
  if (!info) throw new BundleRenderError(`${where}: ${apiVersion} ${kind} cannot be part of a bundle (supported: ${supportedKindsText()})`);
  const meta = doc.metadata;
  if (!isRecord(meta) || typeof meta.name !== "string" || !DNS_SUBDOMAIN.test(meta.name) || meta.name.length > 253) {
    throw new BundleRenderError(`${where} (${kind}): metadata.name must be a DNS-1123 name`);
  }
  if (meta.generateName !== undefined) throw new BundleRenderError(`${where} (${kind} ${meta.name}): generateName cannot be applied; give a name`);
  let namespace: string | undefined;
  if (info.namespaced) {
    namespace = meta.namespace === undefined ? "default" : typeof meta.namespace === "string" ? meta.namespace : "";
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace)) throw new BundleRenderError(`${where} (${kind} ${meta.name}): metadata.namespace must be a DNS-1123 label`);
  } else if (meta.namespace !== undefined) {
    throw new BundleRenderError(`${where} (${kind} ${meta.name}): a ${kind} has no namespace`);
  }
  return { kind: info, name: meta.name, namespace, obj: doc };
}

/**
 * Parses and checks a revision for one cluster. Throws BundleRenderError with a message
 * naming the document at fault.
 */
export function renderBundle(yaml: string, cluster: TBundleCluster, bundle: { id: string; name: string }, revision?: number): TRenderedObject[] {
  if (new TextEncoder().encode(yaml).length > MAX_BUNDLE_YAML_BYTES) throw new BundleRenderError(`the YAML is larger than ${MAX_BUNDLE_YAML_BYTES / 1024} KiB`);
  const text = substituteClusterValues(yaml, cluster);
  const docs = parseAllDocuments(text, { uniqueKeys: true });
  const out: TRenderedObject[] = [];
  const seen = new Set<string>();
  for (const [index, doc] of (Array.isArray(docs) ? docs : [docs]).entries()) {
    const error = doc.errors[0];
    if (error) throw new BundleRenderError(`document ${index + 1}: ${error.message.split("\n")[0]}`);
    const value: unknown = doc.toJS({ maxAliasCount: 50 });
    if (value === null || value === undefined) continue; // an empty document (`---` at the end)
    const { kind, name, namespace, obj } = checkObject(value, index);
    const ref = objectRef(String(obj.apiVersion), kind.kind, namespace, name);
    if (seen.has(ref)) throw new BundleRenderError(`document ${index + 1}: ${kind.kind} ${namespace ? `${namespace}/` : ""}${name} appears twice`);
    seen.add(ref);
    const body: Record<string, unknown> = { ...obj, metadata: stamp({ ...(obj.metadata as Record<string, unknown>), ...(namespace ? { namespace } : {}) }, bundle, revision) };
    // Pods of a workload carry the bundle and revision too, so health checks find them
    // (each revision therefore rolls the workload's pods; a rollback reuses the old ones).
    if (kind.workload && isRecord(body.spec) && isRecord(body.spec.template)) {
      const template = body.spec.template;
      const tmeta = isRecord(template.metadata) ? template.metadata : {};
      const tlabels = isRecord(tmeta.labels) ? tmeta.labels : {};
      body.spec = { ...body.spec, template: { ...template, metadata: { ...tmeta, labels: { ...tlabels, [BUNDLE_ID_LABEL]: bundle.id, ...(revision !== undefined ? { [BUNDLE_REVISION_LABEL]: String(revision) } : {}) } } } };
    }
    out.push({ ref, kind, namespace, name, body });
  }
  if (out.length === 0) throw new BundleRenderError("the YAML holds no objects");
  if (out.length > MAX_BUNDLE_OBJECTS) throw new BundleRenderError(`a bundle holds at most ${MAX_BUNDLE_OBJECTS} objects`);
  return out;
}

/**
 * Checks a revision before it is stored: renders it for a stand-in cluster whose labels all
 * exist and that has every value the revision defines (`valueKeys`; omitted: any value).
 */
export function bundleYamlError(yaml: string, valueKeys?: ReadonlySet<string>): string | null {
  try {
    const probe = new Proxy({} as Record<string, string>, { get: (_, key) => (typeof key === "string" ? "x" : undefined) });
    const values = new Proxy({} as Record<string, string>, { get: (_, key) => (typeof key === "string" && (valueKeys === undefined || valueKeys.has(key)) ? "x" : undefined) });
    renderBundle(yaml, { name: "x", labels: probe, values }, { id: "x", name: "x" });
    return null;
  } catch (error) {
    if (error instanceof BundleRenderError) return error.message;
    throw error;
  }
}
