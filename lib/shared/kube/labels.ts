// Label and selector strings as kubectl prints them: labels.FormatLabels,
// metav1.FormatLabelSelector and LabelSelectorAsSelector(...).String().

import type { LabelSelectorLike, StringMap } from "./types";

/** labels.Set.String(): "k=v" pairs sorted by key, joined by ",". */
export function labelsString(labelMap: StringMap | undefined | null): string {
  if (!labelMap) return "";
  return Object.keys(labelMap)
    .sort()
    .map((k) => `${k}=${labelMap[k] ?? ""}`)
    .join(",");
}

/** labels.FormatLabels: like labelsString but "<none>" when empty. */
export function formatLabels(labelMap: StringMap | undefined | null): string {
  return labelsString(labelMap) || "<none>";
}

function sortedValues(values: readonly string[]): string {
  return [...values].sort().join(",");
}

/**
 * metav1.LabelSelectorAsSelector(sel).String(). Returns undefined where Go returns an error
 * (unknown operator, wrong number of values). Requirements are sorted by key (Selector.Add);
 * In/NotIn values are printed sorted.
 */
export function labelSelectorString(selector: LabelSelectorLike | undefined | null): string | undefined {
  if (!selector) return "";
  const reqs: { key: string; text: string }[] = [];
  for (const key of Object.keys(selector.matchLabels ?? {})) {
    reqs.push({ key, text: `${key}=${selector.matchLabels?.[key] ?? ""}` });
  }
  for (const expr of selector.matchExpressions ?? []) {
    const values = expr.values ?? [];
    switch (expr.operator) {
      case "In":
      case "NotIn":
        if (values.length === 0) return undefined;
        reqs.push({ key: expr.key, text: `${expr.key} ${expr.operator.toLowerCase()} (${sortedValues(values)})` });
        break;
      case "Exists":
        if (values.length > 0) return undefined;
        reqs.push({ key: expr.key, text: expr.key });
        break;
      case "DoesNotExist":
        if (values.length > 0) return undefined;
        reqs.push({ key: expr.key, text: `!${expr.key}` });
        break;
      default:
        return undefined;
    }
  }
  // Array.prototype.sort is stable, which keeps matchLabels before expressions on equal keys.
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.text).join(",");
}

/** metav1.FormatLabelSelector: "<error>" on an invalid selector, "<none>" when empty. */
export function formatLabelSelector(selector: LabelSelectorLike | undefined | null): string {
  const s = labelSelectorString(selector);
  if (s === undefined) return "<error>";
  return s || "<none>";
}

/**
 * One label as a chip shows it: `key=value`, or just `key` for a label without a value
 * (EdgeX device labels and tag-like Kubernetes labels have none; `hvac=` reads as broken).
 */
export function labelChipText(key: string, value: string | null | undefined): string {
  return value ? `${key}=${value}` : key;
}
