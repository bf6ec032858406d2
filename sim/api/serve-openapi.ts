import { createHash } from "node:crypto";
import type { ResourceRegistry, ResourceType } from "../store/resource-registry";
import { apiVersionOf } from "../store/resource-registry";

// kubectl apply reads /openapi/v3 before anything else. Each group-version document lists,
// per resource, the PATCH operation with `x-kubernetes-group-version-kind` and a
// `fieldValidation` query parameter: that tells kubectl the server validates fields, so it
// sends fieldValidation=Strict instead of validating client-side. No requestBody is
// declared, so kubectl computes strategic-merge patches from its compiled-in types.

function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

function schemaName(t: ResourceType): string {
  const g = t.group ? t.group.split(".").reverse().join(".") : "core";
  return `io.k8s.api.${g}.${t.version}.${t.kind}`;
}

/** The GV document served at /openapi/v3/<gvPath>. */
export function openapiGroupVersion(registry: ResourceRegistry, version: string, group: string, gv: string): unknown {
  const types = registry.all().filter((t) => t.group === group && t.version === gv);
  if (types.length === 0) return undefined;
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (const t of types) {
    const gvk = { group: t.group, version: t.version, kind: t.kind };
    const base = `/${gvPath(t.group, t.version)}${t.namespaced ? "/namespaces/{namespace}" : ""}/${t.plural}`;
    const ref = { $ref: `#/components/schemas/${schemaName(t)}` };
    const ok = { "200": { description: "OK", content: { "application/json": { schema: ref } } } };
    const params = [
      { name: "dryRun", in: "query", schema: { type: "string", uniqueItems: true } },
      { name: "fieldManager", in: "query", schema: { type: "string", uniqueItems: true } },
      { name: "fieldValidation", in: "query", schema: { type: "string", uniqueItems: true } },
    ];
    paths[base] = { get: { operationId: `list${t.kind}`, "x-kubernetes-action": "list", "x-kubernetes-group-version-kind": gvk, responses: ok }, post: { operationId: `create${t.kind}`, "x-kubernetes-action": "post", "x-kubernetes-group-version-kind": gvk, parameters: params, responses: ok } };
    paths[`${base}/{name}`] = {
      get: { operationId: `read${t.kind}`, "x-kubernetes-action": "get", "x-kubernetes-group-version-kind": gvk, responses: ok },
      put: { operationId: `replace${t.kind}`, "x-kubernetes-action": "put", "x-kubernetes-group-version-kind": gvk, parameters: params, responses: ok },
      patch: { operationId: `patch${t.kind}`, "x-kubernetes-action": "patch", "x-kubernetes-group-version-kind": gvk, parameters: [...params, { name: "force", in: "query", schema: { type: "boolean", uniqueItems: true } }], responses: ok },
      delete: { operationId: `delete${t.kind}`, "x-kubernetes-action": "delete", "x-kubernetes-group-version-kind": gvk, responses: ok },
    };
    schemas[schemaName(t)] = {
      type: "object",
      description: `${t.kind} (simulated schema: fields are not enumerated)`,
      properties: { apiVersion: { type: "string" }, kind: { type: "string" }, metadata: { type: "object" } },
      "x-kubernetes-preserve-unknown-fields": true,
      "x-kubernetes-group-version-kind": [gvk],
    };
  }
  return { openapi: "3.0.0", info: { title: "Kubernetes", version }, paths, components: { schemas } };
}

/** The /openapi/v3 index: each GV path with a content-hash URL (kubectl caches by hash). */
export function openapiIndex(registry: ResourceRegistry, version: string): unknown {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  const seen = new Set<string>();
  for (const t of registry.all()) {
    const p = gvPath(t.group, t.version);
    if (seen.has(p)) continue;
    seen.add(p);
    const doc = JSON.stringify(openapiGroupVersion(registry, version, t.group, t.version));
    const hash = createHash("sha512").update(doc).digest("hex").slice(0, 128).toUpperCase();
    paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${hash}` };
  }
  return { paths };
}

/** Parses `/openapi/v3/api/v1` or `/openapi/v3/apis/<g>/<v>` into group/version. */
export function parseOpenapiPath(pathname: string): { group: string; version: string } | undefined {
  const m = pathname.match(/^\/openapi\/v3\/(?:api\/([^/]+)|apis\/([^/]+)\/([^/]+))$/);
  if (!m) return undefined;
  if (m[1]) return { group: "", version: m[1] };
  return { group: m[2] ?? "", version: m[3] ?? "" };
}

export { apiVersionOf };
