// The UI edits a revision's values and overrides as one small YAML document
// (`values: {…}` and `overrides: [{clusterSelector | group, values}]`); this turns it into
// the API's fields and back. Validation proper is the API's (the same zod schemas).
import { parse, stringify } from "yaml";
import type { TBundleOverride, TBundleValues } from "./bundle-values";

export function valuesToText(values: TBundleValues, overrides: TBundleOverride[]): string {
  if (Object.keys(values).length === 0 && overrides.length === 0) return "";
  return stringify({ values, overrides });
}

/** Parses the text; empty means no values. Returns a message instead when it is not such a document. */
export function textToValues(text: string): { values?: TBundleValues; overrides?: TBundleOverride[] } | { error: string } {
  if (text.trim() === "") return {};
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    return { error: error instanceof Error ? error.message.split("\n")[0]! : String(error) };
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return { error: "expected a mapping with values and overrides" };
  const { values, overrides, ...rest } = doc as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return { error: `unknown key ${Object.keys(rest)[0]} (only values and overrides)` };
  return { ...(values !== undefined ? { values: values as TBundleValues } : {}), ...(overrides !== undefined ? { overrides: overrides as TBundleOverride[] } : {}) };
}
