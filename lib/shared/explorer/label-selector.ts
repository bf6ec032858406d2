// Validates Kubernetes label selector strings (the grammar of apimachinery labels.Parse):
// `app=web`, `tier!=db`, `env in (prod,staging)`, `!canary`, `release`, comma-joined.
// The console checks them before they reach a cluster, so a typo is a 422 on our side
// rather than a 400 relayed from an edge site over a weak link.

const KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/** Longest selector accepted (the apiserver has no limit; ours keeps URLs sane). */
export const MAX_SELECTOR_LENGTH = 1024;

function validKey(key: string): boolean {
  const slash = key.indexOf("/");
  if (slash >= 0 && slash > 253) return false;
  return KEY.test(key);
}

/** Splits on commas that are not inside a parenthesised value list. */
function splitRequirements(selector: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const ch = selector[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    if (depth < 0 || depth > 1) return null;
    if (ch === "," && depth === 0) {
      parts.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) return null;
  parts.push(selector.slice(start));
  return parts.map((p) => p.trim());
}

function requirementError(req: string): string | null {
  if (req === "") return "empty requirement";
  const set = /^(\S+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(req);
  if (set) {
    const values = set[3]!.split(",").map((v) => v.trim());
    if (!validKey(set[1]!)) return `invalid key "${set[1]}"`;
    if (values.every((v) => v === "") || values.some((v) => !VALUE.test(v))) return `invalid values in "${req}"`;
    return null;
  }
  const cmp = /^([^=!<>\s]+)\s*(==|=|!=|<|>)\s*(\S*)$/.exec(req);
  if (cmp) {
    if (!validKey(cmp[1]!)) return `invalid key "${cmp[1]}"`;
    if (cmp[2] === "<" || cmp[2] === ">") return /^-?\d+$/.test(cmp[3]!) ? null : `"${req}" needs an integer value`;
    return VALUE.test(cmp[3]!) ? null : `invalid value "${cmp[3]}"`;
  }
  const exists = /^(!?)\s*([^=!<>\s()]+)$/.exec(req);
  if (exists) return validKey(exists[2]!) ? null : `invalid key "${exists[2]}"`;
  return `cannot parse "${req}"`;
}

/**
 * Checks a label selector. Returns null when it is valid (the empty string selects
 * everything), else a short English reason.
 */
export function labelSelectorError(selector: string): string | null {
  if (selector.length > MAX_SELECTOR_LENGTH) return `longer than ${MAX_SELECTOR_LENGTH} characters`;
  if (selector.trim() === "") return null;
  const parts = splitRequirements(selector);
  if (!parts) return "unbalanced parentheses";
  for (const part of parts) {
    const error = requirementError(part);
    if (error) return error;
  }
  return null;
}

function requirementMatches(req: string, labels: Record<string, string>): boolean {
  const set = /^(\S+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(req);
  if (set) {
    const values = set[3]!.split(",").map((v) => v.trim());
    const value = labels[set[1]!];
    return set[2] === "in" ? value !== undefined && values.includes(value) : value === undefined || !values.includes(value);
  }
  const cmp = /^([^=!<>\s]+)\s*(==|=|!=|<|>)\s*(\S*)$/.exec(req);
  if (cmp) {
    const value = labels[cmp[1]!];
    if (cmp[2] === "!=") return value !== cmp[3];
    if (cmp[2] === "<" || cmp[2] === ">") {
      if (value === undefined || !/^-?\d+$/.test(value)) return false;
      return cmp[2] === "<" ? Number(value) < Number(cmp[3]) : Number(value) > Number(cmp[3]);
    }
    return value === cmp[3];
  }
  const exists = /^(!?)\s*([^=!<>\s()]+)$/.exec(req);
  if (exists) return exists[1] === "!" ? labels[exists[2]!] === undefined : labels[exists[2]!] !== undefined;
  return false;
}

/**
 * Whether `labels` match a selector (apimachinery semantics: every requirement holds;
 * `!=` and `notin` also match when the key is absent). A selector that does not parse
 * matches nothing; the empty selector matches everything.
 */
export function labelSelectorMatches(selector: string, labels: Record<string, string>): boolean {
  if (labelSelectorError(selector) !== null) return false;
  if (selector.trim() === "") return true;
  return (splitRequirements(selector) ?? []).every((req) => requirementMatches(req, labels));
}
