import { isRecord } from "../store/kube-types";

// The JSONPath subset CRD additionalPrinterColumns use: `.a.b`, `[n]` and filters
// `[?(@.field=='value')]` / `[?(@.field!='value')]` on lists. Like the apiserver's table
// convertor only the first result counts; lists and objects print as JSON.

type Step = { key: string } | { index: number } | { field: string; neg: boolean; value: string };

function parse(path: string): Step[] {
  const steps: Step[] = [];
  const re = /\.([^.[\]]+)|\[(\d+)\]|\[\?\(@\.([^!=]+?)\s*(==|!=)\s*'([^']*)'\)\]/g;
  for (const m of path.matchAll(re)) {
    if (m[1] !== undefined) steps.push({ key: m[1] });
    else if (m[2] !== undefined) steps.push({ index: Number(m[2]) });
    else steps.push({ field: m[3] ?? "", neg: m[4] === "!=", value: m[5] ?? "" });
  }
  return steps;
}

/** First value a printer-column JSONPath selects, or undefined. */
export function columnValue(obj: unknown, jsonPath: string): unknown {
  let cur: unknown = obj;
  for (const s of parse(jsonPath)) {
    if ("key" in s) cur = isRecord(cur) ? cur[s.key] : undefined;
    else if ("index" in s) cur = Array.isArray(cur) ? (cur as unknown[])[s.index] : undefined;
    else cur = Array.isArray(cur) ? (cur as unknown[]).find((x) => isRecord(x) && (String(x[s.field] ?? "") === s.value) !== s.neg) : undefined;
    if (cur === undefined || cur === null) return undefined;
  }
  return cur;
}

/** A cell's text for a string/date column ("" when nothing is selected). */
export function columnText(obj: unknown, jsonPath: string): string {
  const v = columnValue(obj, jsonPath);
  if (v === undefined || v === null) return "";
  return typeof v === "object" ? JSON.stringify(v) : String(v as string | number | boolean);
}
