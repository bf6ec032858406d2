// Per-cluster values of a revision: `${values.<key>}` in the YAML takes the revision's
// default, replaced by the value of every override whose target (a label selector or a
// saved cluster group) selects the cluster — later overrides win. E.g. one site runs
// another image tag, or a group of small boxes one replica. Pure: the API validates with
// it, the apply engine resolves with it.
import { z } from "zod";
import { labelSelectorError, labelSelectorMatches } from "../explorer/label-selector";

export const VALUE_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
export const MAX_VALUES = 100;
export const MAX_OVERRIDES = 100;

const ZValueSchema = z.union([z.string().max(1024, "must be at most 1024 characters"), z.number().finite(), z.boolean()]);

export const ZBundleValuesSchema = z
  .record(z.string().regex(VALUE_KEY, "keys are letters, digits and '_' (not starting with a digit)"), ZValueSchema)
  .refine((v) => Object.keys(v).length <= MAX_VALUES, { message: `at most ${MAX_VALUES} values` });
export type TBundleValues = z.infer<typeof ZBundleValuesSchema>;

export const ZGroupNameSchema = z
  .string({ message: "must be a string" })
  .min(1, "is required")
  .max(63, "must be at most 63 characters")
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit");

export const ZSelectorSchema = z
  .string()
  .max(1024)
  .superRefine((s, ctx) => {
    const error = s.trim() === "" ? "must not be empty (it would select every cluster; use a label such as env=prod)" : labelSelectorError(s);
    if (error) ctx.addIssue({ code: "custom", message: `is not a valid label selector: ${error}` });
  });

export const ZBundleOverrideSchema = z
  .object({ clusterSelector: ZSelectorSchema.optional(), group: ZGroupNameSchema.optional(), values: ZBundleValuesSchema })
  .strict()
  .refine((o) => (o.clusterSelector === undefined) !== (o.group === undefined), { message: "give exactly one of clusterSelector or group" });
export type TBundleOverride = z.infer<typeof ZBundleOverrideSchema>;

export const ZBundleOverridesSchema = z.array(ZBundleOverrideSchema).max(MAX_OVERRIDES, `at most ${MAX_OVERRIDES} overrides`);

/** A saved group as overrides and targets see it: a selector or an explicit list of cluster ids. */
export interface TGroupSelection {
  clusterSelector: string | null;
  clusterIds: string[];
}

export function groupSelects(group: TGroupSelection, cluster: { id: string; labels: Record<string, string> }): boolean {
  return group.clusterSelector !== null ? labelSelectorMatches(group.clusterSelector, cluster.labels) : group.clusterIds.includes(cluster.id);
}

/**
 * The values one cluster gets (as strings, ready for substitution). `groups` resolves the
 * group names the overrides use; an override naming a group that no longer exists selects
 * nothing.
 */
export function valuesForCluster(values: TBundleValues, overrides: TBundleOverride[], cluster: { id: string; labels: Record<string, string> }, groups: ReadonlyMap<string, TGroupSelection>): Record<string, string> {
  const out: Record<string, string> = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
  for (const o of overrides) {
    const group = o.group !== undefined ? groups.get(o.group) : undefined;
    const selected = o.clusterSelector !== undefined ? labelSelectorMatches(o.clusterSelector, cluster.labels) : group !== undefined && groupSelects(group, cluster);
    if (selected) for (const [k, v] of Object.entries(o.values)) out[k] = String(v);
  }
  return out;
}

/** Every key a revision defines (defaults and overrides): `${values.<key>}` must use one of them. */
export function definedValueKeys(values: TBundleValues, overrides: TBundleOverride[]): Set<string> {
  return new Set([...Object.keys(values), ...overrides.flatMap((o) => Object.keys(o.values))]);
}

/** Parses stored JSON (a revision row) back into values and overrides; anything malformed is dropped. */
export function storedValues(values: unknown, overrides: unknown): { values: TBundleValues; overrides: TBundleOverride[] } {
  const v = ZBundleValuesSchema.safeParse(values);
  const o = ZBundleOverridesSchema.safeParse(overrides);
  return { values: v.success ? v.data : {}, overrides: o.success ? o.data : [] };
}
