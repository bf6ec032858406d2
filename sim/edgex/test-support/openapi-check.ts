import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

// Test-only: loads EdgeX's OpenAPI specs (fixtures/openapi, copied from
// edgexfoundry/edgex-go) and checks a response body against the schema the spec declares
// for that path, method and status — a structural subset of JSON Schema: $ref, allOf,
// oneOf/anyOf, type, required, properties, items, enum, additionalProperties.

type Schema = Record<string, unknown>;
export interface Spec {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

const SPEC_DIR = path.join(__dirname, "..", "fixtures", "openapi");
const cache = new Map<string, Spec>();

/**
 * Required fields the upstream specs list but real services do not send (spec bugs):
 * AutoEvent has no `resource` (it is sourceName), and core-command's readings carry no
 * apiVersion of their own (edgex-go's BaseReading DTO has none; only the event does).
 */
const KNOWN_SPEC_BUGS = new Set([
  "AutoEvent.resource",
  "DiscoveredDevice.serviceName",
  "MQTTPubAddress.schema",
  "BaseReading.apiVersion",
]);
/**
 * Schemas whose additionalProperties type is wrong upstream: 3.1 types protocol property
 * values as objects while its own examples (and every real device) use strings.
 */
const LOOSE_ADDITIONAL = new Set(["ProtocolProperties"]);

/**
 * core-data's spec has flow-style `example: [ ... ]` blocks whose closing bracket is
 * under-indented; strict YAML parsers refuse them. Examples do not matter for validation,
 * so they are replaced by null before parsing.
 */
function dropFlowExamples(text: string): string {
  const lines = text.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const m = /^(\s*)example: *[[{] *$/.exec(line);
    if (!m) {
      out.push(line);
      continue;
    }
    let depth = 0;
    for (; i < lines.length; i++) {
      for (const c of (lines[i] ?? "").replace(/"(?:[^"\\]|\\.)*"/g, "")) {
        if (c === "[" || c === "{") depth++;
        if (c === "]" || c === "}") depth--;
      }
      if (depth === 0) break;
    }
    out.push(`${m[1]}example: null`);
  }
  return out.join("\n");
}

/** The OpenAPI document of one service ("core-data", …) for a release. */
export function loadSpec(release: "3.1" | "4.0", service: string): Spec {
  const dir = release === "3.1" ? "3.1.1" : "4.0.2";
  const key = `${dir}/${service}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const spec = parse(dropFlowExamples(readFileSync(path.join(SPEC_DIR, dir, `${service}.yaml`), "utf8"))) as Spec;
  cache.set(key, spec);
  return spec;
}

function resolve(spec: Spec, schema: Schema): { schema: Schema; name?: string } {
  const ref = schema.$ref;
  if (typeof ref !== "string") return { schema };
  const name = ref.split("/").pop() ?? "";
  const target = spec.components.schemas[name];
  if (!target) throw new Error(`unresolved $ref ${ref}`);
  return { schema: target, name };
}

function typeOk(type: unknown, value: unknown): boolean {
  switch (type) {
    case "object":
      return value !== null && typeof value === "object" && !Array.isArray(value);
    case "array":
      return Array.isArray(value);
    case "string":
      return typeof value === "string";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    default:
      return true;
  }
}

/** Validates `value`; returns human-readable problems (empty when it conforms). */
export function validate(spec: Spec, schemaIn: Schema, value: unknown, at = "$", nameIn?: string): string[] {
  const { schema, name: refName } = resolve(spec, schemaIn);
  const name = refName ?? nameIn;
  const errors: string[] = [];
  for (const part of (schema.allOf as Schema[] | undefined) ?? []) errors.push(...validate(spec, part, value, at, name));
  const alternatives = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (alternatives) {
    const passing = alternatives.filter((alt) => validate(spec, alt, value, at).length === 0).length;
    const ok = schema.oneOf ? passing === 1 : passing >= 1;
    if (!ok) errors.push(`${at}: matches ${passing} of the ${schema.oneOf ? "oneOf" : "anyOf"} alternatives`);
  }
  if (schema.type !== undefined && !typeOk(schema.type, value)) {
    errors.push(`${at}: expected ${String(schema.type)}, got ${JSON.stringify(value)?.slice(0, 60)}`);
    return errors;
  }
  if (Array.isArray(schema.enum) && !schema.enum.map(String).includes(String(value))) {
    errors.push(`${at}: ${JSON.stringify(value)} not in enum ${JSON.stringify(schema.enum)}`);
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const field of (schema.required as string[] | undefined) ?? []) {
      if (!(field in obj) && !KNOWN_SPEC_BUGS.has(`${name}.${field}`)) errors.push(`${at}: missing required ${field}`);
    }
    const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [k, v] of Object.entries(obj)) {
      const extra = typeof schema.additionalProperties === "object" && !LOOSE_ADDITIONAL.has(name ?? "");
      const sub = props[k] ?? (extra ? (schema.additionalProperties as Schema) : undefined);
      if (sub) errors.push(...validate(spec, sub, v, `${at}.${k}`));
    }
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => errors.push(...validate(spec, schema.items as Schema, item, `${at}[${i}]`)));
  }
  return errors;
}

/**
 * The schema the spec declares for (path template, method, status), falling back to the
 * spec's ErrorResponse for an error status the spec does not list.
 */
export function responseSchema(spec: Spec, template: string, method: string, status: number): Schema {
  const op = spec.paths[template]?.[method.toLowerCase()];
  if (!op) throw new Error(`spec has no ${method} ${template}`);
  const declared = op.responses?.[String(status)]?.content?.["application/json"]?.schema;
  if (declared) return declared;
  if (status >= 400) return { $ref: "#/components/schemas/ErrorResponse" };
  throw new Error(`spec declares no ${status} body for ${method} ${template}`);
}
