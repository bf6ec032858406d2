import type { PolicyRule } from "./policy-rule";

// Whether a set of rules covers another, as kube-apiserver's RBAC registry decides before it
// lets a user create a role or binding with permissions it does not hold
// (rbac/validation: BreakdownRule, ruleCovers, CompactRules, CompactString).

const list = (v: string[] | undefined): string[] => (Array.isArray(v) ? v : []);
const has = (set: string[], v: string): boolean => set.includes(v);
const hasAll = (set: string[], vs: string[]): boolean => vs.every((v) => set.includes(v));

/** One rule per group × resource × verb (× resourceName), and per URL × verb. */
function breakdown(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const apiGroup of list(rule.apiGroups))
    for (const resource of list(rule.resources))
      for (const verb of list(rule.verbs)) {
        const names = list(rule.resourceNames);
        if (names.length > 0) for (const n of names) out.push({ apiGroups: [apiGroup], resources: [resource], verbs: [verb], resourceNames: [n] });
        else out.push({ apiGroups: [apiGroup], resources: [resource], verbs: [verb] });
      }
  for (const url of list(rule.nonResourceURLs)) for (const verb of list(rule.verbs)) out.push({ nonResourceURLs: [url], verbs: [verb] });
  return out;
}

function resourcesCovered(owner: string[], wanted: string[]): boolean {
  if (has(owner, "*") || hasAll(owner, wanted)) return true;
  return wanted.every((r) => {
    if (has(owner, r)) return true;
    const slash = r.indexOf("/");
    return slash >= 0 && has(owner, `*/${r.slice(slash + 1)}`);
  });
}

function urlsCovered(owner: string[], wanted: string[]): boolean {
  return wanted.every((path) => owner.some((o) => o === path || (o.endsWith("*") && path.startsWith(o.replace(/\*+$/, "")))));
}

function ruleCovers(owner: PolicyRule, sub: PolicyRule): boolean {
  const ownerNames = list(owner.resourceNames);
  const subNames = list(sub.resourceNames);
  return (
    (has(list(owner.verbs), "*") || hasAll(list(owner.verbs), list(sub.verbs))) &&
    (has(list(owner.apiGroups), "*") || hasAll(list(owner.apiGroups), list(sub.apiGroups))) &&
    resourcesCovered(list(owner.resources), list(sub.resources)) &&
    urlsCovered(list(owner.nonResourceURLs), list(sub.nonResourceURLs)) &&
    (subNames.length === 0 ? ownerNames.length === 0 : ownerNames.length === 0 || hasAll(ownerNames, subNames))
  );
}

/** The broken-down rules of `wanted` that no rule of `owner` covers (empty = covered). */
export function uncoveredRules(owner: PolicyRule[], wanted: PolicyRule[]): PolicyRule[] {
  return wanted.flatMap(breakdown).filter((sub) => !owner.some((o) => ruleCovers(o, sub)));
}

/** Merges single group/resource rules that differ only in verbs (CompactRules). */
function compact(rules: PolicyRule[]): PolicyRule[] {
  const out: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const r of rules) {
    const names = list(r.resourceNames);
    const isSimple = names.length <= 1 && list(r.nonResourceURLs).length === 0 && list(r.apiGroups).length === 1 && list(r.resources).length === 1;
    if (!isSimple) {
      out.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups, r.resources, names]);
    const prev = simple.get(key);
    if (prev) prev.verbs = [...prev.verbs, ...r.verbs];
    else simple.set(key, { ...r, verbs: [...r.verbs] });
  }
  return [...out, ...simple.values()];
}

/** Go's %q of a []string: ["a" "b"]. */
export function quotedList(vs: string[]): string {
  return `[${vs.map((v) => JSON.stringify(v)).join(" ")}]`;
}

/** rbacv1helpers.CompactString: {APIGroups:["apps"], Resources:["deployments"], Verbs:["get" "list"]}. */
function compactString(r: PolicyRule): string {
  const parts: string[] = [];
  if (list(r.apiGroups).length > 0) parts.push(`APIGroups:${quotedList(list(r.apiGroups))}`);
  if (list(r.resources).length > 0) parts.push(`Resources:${quotedList(list(r.resources))}`);
  if (list(r.nonResourceURLs).length > 0) parts.push(`NonResourceURLs:${quotedList(list(r.nonResourceURLs))}`);
  if (list(r.resourceNames).length > 0) parts.push(`ResourceNames:${quotedList(list(r.resourceNames))}`);
  if (list(r.verbs).length > 0) parts.push(`Verbs:${quotedList(list(r.verbs))}`);
  return `{${parts.join(", ")}}`;
}

/** The missing rules as the apiserver lists them: compacted, one per line, sorted. */
export function describeMissing(missing: PolicyRule[]): string {
  return [...new Set(compact(missing).map(compactString))].sort().join("\n");
}
