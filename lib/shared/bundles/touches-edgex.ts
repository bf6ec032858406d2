// Whether a bundle deploys EdgeX: then its health also needs the EdgeX core services to
// answer (docs/BUNDLES.md, "EdgeX health gate"). Recognised by what EdgeX's own manifests
// and Helm charts carry: an `org.edgexfoundry.service` label, `app.kubernetes.io/part-of:
// edgex`, an `edgex-` object name, an `edgexfoundry/` image, or a HelmChart of EdgeX.
import type { TRenderedObject } from "./render-bundle";

/** The core services an EdgeX deployment needs before anything else works. */
export const EDGEX_CORE_SERVICES = ["core-metadata", "core-data", "core-command"] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function labelsOf(meta: unknown): Record<string, unknown> {
  return isRecord(meta) && isRecord(meta.labels) ? meta.labels : {};
}

function images(spec: unknown): string[] {
  if (!isRecord(spec)) return [];
  const podSpec = isRecord(spec.template) && isRecord(spec.template.spec) ? spec.template.spec : isRecord(spec.jobTemplate) ? undefined : spec;
  const containers = isRecord(podSpec) && Array.isArray(podSpec.containers) ? podSpec.containers : [];
  return containers.flatMap((c) => (isRecord(c) && typeof c.image === "string" ? [c.image] : []));
}

export function touchesEdgex(objects: TRenderedObject[]): boolean {
  return objects.some((o) => {
    const meta = o.body.metadata;
    const labels = { ...labelsOf(meta), ...(isRecord(o.body.spec) && isRecord(o.body.spec.template) ? labelsOf(o.body.spec.template.metadata) : {}) };
    if ("org.edgexfoundry.service" in labels || labels["app.kubernetes.io/part-of"] === "edgex") return true;
    if (o.name.startsWith("edgex-")) return true;
    if (images(o.body.spec).some((i) => /(^|\/)edgexfoundry\//.test(i))) return true;
    return o.kind.kind === "HelmChart" && isRecord(o.body.spec) && typeof o.body.spec.chart === "string" && /edgex/i.test(o.body.spec.chart);
  });
}
