import type { TEdgexSetField } from "./set-command-fields";

/** Why a set value was refused (the UI translates the code; the API sends `message`). */
export type TSetValueIssue =
  | { code: "unknown_resource" }
  | { code: "unsupported_type"; valueType: string }
  | { code: "not_boolean" }
  | { code: "not_integer" }
  | { code: "not_number" }
  | { code: "not_option"; options: string[] }
  | { code: "too_long"; max: number }
  | { code: "out_of_range"; min: string; max: string };

export type TSetValuesResult = { ok: true; body: Record<string, string> } | { ok: false; issues: Record<string, TSetValueIssue> };

const INT_RANGE: Record<string, [bigint, bigint]> = {
  Int8: [-128n, 127n],
  Int16: [-32768n, 32767n],
  Int32: [-2147483648n, 2147483647n],
  Int64: [-9223372036854775808n, 9223372036854775807n],
  Uint8: [0n, 255n],
  Uint16: [0n, 65535n],
  Uint32: [0n, 4294967295n],
  Uint64: [0n, 18446744073709551615n],
};
const FLOAT32_MAX = 3.4028234663852886e38;
const BOOL_TRUE = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const BOOL_FALSE = new Set(["0", "f", "F", "FALSE", "false", "False"]);

function rangeIssue(field: TEdgexSetField, n: number, typeMin: string, typeMax: string): TSetValueIssue | null {
  const min = field.minimum;
  const max = field.maximum;
  if ((min !== null && n < min) || (max !== null && n > max)) return { code: "out_of_range", min: String(min ?? typeMin), max: String(max ?? typeMax) };
  return null;
}

/** Checks one value; returns the text EdgeX gets, or the issue. */
function checkValue(field: TEdgexSetField, raw: string | number | boolean): { text: string } | { issue: TSetValueIssue } {
  const text = typeof raw === "string" ? raw.trim() : String(raw);
  switch (field.kind) {
    case "bool":
      // strconv.ParseBool's spellings: what device services accept.
      if (BOOL_TRUE.has(text)) return { text: "true" };
      if (BOOL_FALSE.has(text)) return { text: "false" };
      return { issue: { code: "not_boolean" } };
    case "int":
    case "uint": {
      if (!/^-?\d+$/.test(text)) return { issue: { code: "not_integer" } };
      const [lo, hi] = INT_RANGE[field.valueType] ?? [0n, 0n];
      const big = BigInt(text);
      if (big < lo || big > hi) return { issue: { code: "out_of_range", min: String(field.minimum ?? lo), max: String(field.maximum ?? hi) } };
      const issue = rangeIssue(field, Number(text), String(lo), String(hi));
      return issue ? { issue } : { text: big.toString() };
    }
    case "float": {
      const n = text === "" ? NaN : Number(text);
      if (!Number.isFinite(n)) return { issue: { code: "not_number" } };
      const limit = field.valueType === "Float32" ? FLOAT32_MAX : Number.MAX_VALUE;
      if (Math.abs(n) > limit) return { issue: { code: "out_of_range", min: String(field.minimum ?? -limit), max: String(field.maximum ?? limit) } };
      const issue = rangeIssue(field, n, String(-limit), String(limit));
      return issue ? { issue } : { text: String(n) };
    }
    case "string": {
      const value = typeof raw === "string" ? raw : String(raw);
      if (value.length > 4096) return { issue: { code: "too_long", max: 4096 } };
      if (field.options && !field.options.includes(value)) return { issue: { code: "not_option", options: field.options } };
      return { text: value };
    }
    default:
      return { issue: { code: "unsupported_type", valueType: field.valueType } };
  }
}

/**
 * Validates a set command's values against its profile fields (types, ranges, mappings)
 * and converts them to EdgeX's SettingRequest (every value a string). Used by the form
 * and again by the server, which trusts nothing the browser sent.
 */
export function validateSetValues(fields: readonly TEdgexSetField[], values: Record<string, string | number | boolean>): TSetValuesResult {
  const byName = new Map(fields.map((f) => [f.resource, f]));
  const body: Record<string, string> = {};
  const issues: Record<string, TSetValueIssue> = {};
  for (const [resource, raw] of Object.entries(values)) {
    const field = byName.get(resource);
    if (!field) {
      issues[resource] = { code: "unknown_resource" };
      continue;
    }
    const checked = checkValue(field, raw);
    if ("issue" in checked) issues[resource] = checked.issue;
    else body[resource] = checked.text;
  }
  return Object.keys(issues).length > 0 ? { ok: false, issues } : { ok: true, body };
}

/** English text of an issue (API `fields`, logs). */
export function describeSetValueIssue(issue: TSetValueIssue): string {
  switch (issue.code) {
    case "unknown_resource":
      return "is not a writable resource of this command";
    case "unsupported_type":
      return `has value type ${issue.valueType}, which the console cannot set`;
    case "not_boolean":
      return "must be true or false";
    case "not_integer":
      return "must be a whole number";
    case "not_number":
      return "must be a number";
    case "not_option":
      return `must be one of ${issue.options.join(", ")}`;
    case "too_long":
      return `must be at most ${issue.max} characters`;
    case "out_of_range":
      return `must be between ${issue.min} and ${issue.max}`;
  }
}
