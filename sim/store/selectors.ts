import type { KubeObject, LabelSelector, Labels } from "./kube-types";

type Requirement =
  | { op: "eq" | "neq"; key: string; value: string }
  | { op: "in" | "notin"; key: string; values: string[] }
  | { op: "exists" | "notexists"; key: string };

/** A compiled selector: returns whether an object matches. */
export type Matcher = (obj: KubeObject) => boolean;

export class SelectorError extends Error {}

/** Splits on commas that are not inside parentheses. */
function splitTerms(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of s) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out.map((t) => t.trim()).filter((t) => t.length > 0);
}

const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?$/;

/** Parses a labelSelector query string (=, ==, !=, in, notin, exists, !exists). */
export function parseLabelSelector(s: string): Requirement[] {
  const reqs: Requirement[] = [];
  for (const term of splitTerms(s)) {
    let m: RegExpMatchArray | null;
    if ((m = term.match(/^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/))) {
      const [, key = "", op, vals = ""] = m;
      reqs.push({ op: op === "in" ? "in" : "notin", key, values: vals.split(",").map((v) => v.trim()).filter(Boolean) });
    } else if ((m = term.match(/^([^=!\s]+)\s*(==|=|!=)\s*([^=!\s]*)$/))) {
      const [, key = "", op, value = ""] = m;
      reqs.push({ op: op === "!=" ? "neq" : "eq", key, value });
    } else if ((m = term.match(/^!\s*(\S+)$/))) {
      reqs.push({ op: "notexists", key: m[1] ?? "" });
    } else if (KEY.test(term)) {
      reqs.push({ op: "exists", key: term });
    } else {
      throw new SelectorError(`unable to parse requirement: ${JSON.stringify(term)}`);
    }
  }
  for (const r of reqs) if (!KEY.test(r.key)) throw new SelectorError(`invalid label key ${JSON.stringify(r.key)}`);
  return reqs;
}

function matchRequirements(reqs: Requirement[], labels: Labels | undefined): boolean {
  const l = labels ?? {};
  for (const r of reqs) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case "eq": if (v !== r.value) return false; break;
      case "neq": if (v === r.value) return false; break;
      case "in": if (!has || !r.values.includes(v ?? "")) return false; break;
      case "notin": if (has && r.values.includes(v ?? "")) return false; break;
      case "exists": if (!has) return false; break;
      case "notexists": if (has) return false; break;
    }
  }
  return true;
}

/** Compiles a labelSelector query string. Throws SelectorError on bad syntax. */
export function labelMatcher(s: string | null): Matcher {
  if (!s) return () => true;
  const reqs = parseLabelSelector(s);
  return (o) => matchRequirements(reqs, o.metadata.labels);
}

/** Whether labels satisfy a structured LabelSelector (matchLabels + matchExpressions). */
export function selectorMatches(sel: LabelSelector | undefined, labels: Labels | undefined): boolean {
  if (!sel) return false;
  const reqs: Requirement[] = Object.entries(sel.matchLabels ?? {}).map(([key, value]) => ({ op: "eq" as const, key, value }));
  for (const e of sel.matchExpressions ?? []) {
    const values = e.values ?? [];
    if (e.operator === "In") reqs.push({ op: "in", key: e.key, values });
    else if (e.operator === "NotIn") reqs.push({ op: "notin", key: e.key, values });
    else if (e.operator === "Exists") reqs.push({ op: "exists", key: e.key });
    else if (e.operator === "DoesNotExist") reqs.push({ op: "notexists", key: e.key });
  }
  return matchRequirements(reqs, labels);
}

/** The string form of a LabelSelector (what Scale.status.selector carries). */
export function selectorToString(sel: LabelSelector | undefined): string {
  const parts = Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel?.matchExpressions ?? []) {
    if (e.operator === "In") parts.push(`${e.key} in (${(e.values ?? []).join(",")})`);
    else if (e.operator === "NotIn") parts.push(`${e.key} notin (${(e.values ?? []).join(",")})`);
    else if (e.operator === "Exists") parts.push(e.key);
    else if (e.operator === "DoesNotExist") parts.push(`!${e.key}`);
  }
  return parts.join(",");
}

/**
 * Compiles a fieldSelector query string (=, ==, != on the field labels a kind supports).
 * `labels` converts each label as the apiserver does, refusing unsupported ones.
 */
export function fieldMatcher(s: string | null, labels: { getter(label: string): (obj: KubeObject) => string }): Matcher {
  if (!s) return () => true;
  const reqs = splitTerms(s).map((term) => {
    const m = term.match(/^([^=!]+?)\s*(==|=|!=)\s*(.*)$/);
    if (!m) throw new SelectorError(`invalid selector: '${term}'; can't understand '${term}'`);
    const label = (m[1] ?? "").trim();
    return { get: labels.getter(label), neg: m[2] === "!=", value: (m[3] ?? "").trim() };
  });
  return (o) => reqs.every((r) => (r.get(o) === r.value) !== r.neg);
}
