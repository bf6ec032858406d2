import { z } from "zod";
import { definedValueKeys, ZBundleOverridesSchema, ZBundleValuesSchema, ZGroupNameSchema, ZSelectorSchema, type TBundleOverride, type TBundleValues } from "./bundle-values";
import { ZBundleGitSourceSchema } from "./bundle-git.schema";
import { bundleYamlError, MAX_BUNDLE_YAML_BYTES } from "./render-bundle";

export const BUNDLE_STATES = ["Waiting", "Offline", "Applying", "NotReady", "Ready", "Failed", "Drifted"] as const;
export type TBundleState = (typeof BUNDLE_STATES)[number];
export const ROLLOUT_STATUSES = ["progressing", "paused", "completed", "aborted"] as const;
export type TRolloutStatus = (typeof ROLLOUT_STATUSES)[number];

const clusterId = z.string().min(1).max(64);

export const ZBundleNameSchema = z
  .string({ message: "must be a string" })
  .min(1, "is required")
  .max(63, "must be at most 63 characters")
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit");

/** The YAML text (checked against the revision's values together with them, see withValuesChecked). */
export const ZBundleYamlSchema = z
  .string({ message: "must be a string" })
  .max(MAX_BUNDLE_YAML_BYTES, `must be at most ${MAX_BUNDLE_YAML_BYTES / 1024} KiB`);

/** Pasted YAML, or a Git repository the revisions are read from. */
export const ZBundleSourceSchema = z.union([z.object({ yaml: ZBundleYamlSchema }).strict(), z.object({ git: ZBundleGitSourceSchema }).strict()], {
  message: "give either {yaml} or {git: {url, ref, path}}",
});
export type TBundleSource = z.infer<typeof ZBundleSourceSchema>;

/** A YAML revision must render with the values it defines: an unknown `${values.x}` is a 422 on `source.yaml`. */
function withValuesChecked(input: { source?: TBundleSource; values?: TBundleValues; overrides?: TBundleOverride[] }, ctx: z.RefinementCtx): void {
  if (!input.source || !("yaml" in input.source)) return;
  const keys = input.values === undefined && input.overrides === undefined ? undefined : definedValueKeys(input.values ?? {}, input.overrides ?? []);
  const error = bundleYamlError(input.source.yaml, keys);
  if (error) ctx.addIssue({ code: "custom", path: ["source", "yaml"], message: error });
}

export const ZBundleTargetsSchema = z
  .object({
    clusterSelector: ZSelectorSchema.optional(),
    clusterIds: z.array(clusterId).min(1, "must name at least one cluster").max(10_000).optional(),
    /** A saved cluster group, by name. */
    group: ZGroupNameSchema.optional(),
  })
  .strict()
  .refine((t) => [t.clusterSelector, t.clusterIds, t.group].filter((v) => v !== undefined).length === 1, { message: "give exactly one of clusterSelector, clusterIds or group" });
export type TBundleTargets = z.infer<typeof ZBundleTargetsSchema>;

/**
 * The rollout: a first wave (named canary clusters, or the first `count` clusters by
 * name), then batches of `batchPercent` of all targets; each wave waits until its clusters
 * are Ready for `soakSeconds`; `maxFailed` failed clusters pause the rollout. Omitted:
 * every target at once.
 */
export const ZBundleRolloutSchema = z
  .object({
    firstWave: z
      .object({ count: z.number().int().min(1).max(10_000).optional(), clusterIds: z.array(clusterId).min(1).max(100).optional() })
      .strict()
      .refine((w) => (w.count === undefined) !== (w.clusterIds === undefined), { message: "give exactly one of count or clusterIds" })
      .optional(),
    batchPercent: z.number().int().min(1).max(100).default(100),
    soakSeconds: z.number().int().min(0).max(86_400).default(0),
    maxFailed: z.number().int().min(1).max(10_000).default(1),
  })
  .strict();
export type TBundleRollout = z.infer<typeof ZBundleRolloutSchema>;

export const ZCreateBundleSchema = z
  .object({
    name: ZBundleNameSchema,
    source: ZBundleSourceSchema,
    targets: ZBundleTargetsSchema,
    rollout: ZBundleRolloutSchema.optional(),
    prune: z.boolean().default(true),
    /** Re-apply objects someone changed by hand (otherwise they are reported Drifted). */
    selfHeal: z.boolean().default(false),
    /** Defaults of `${values.<key>}`, and per-target overrides (later ones win). */
    values: ZBundleValuesSchema.optional(),
    overrides: ZBundleOverridesSchema.optional(),
  })
  .strict()
  .superRefine(withValuesChecked);
export type TCreateBundle = z.infer<typeof ZCreateBundleSchema>;

/**
 * A new revision: new YAML and/or new values and overrides; what is omitted is carried over
 * from the latest revision. A Git-sourced bundle takes no YAML (push a commit instead).
 */
export const ZCreateBundleRevisionSchema = z
  .object({ source: z.object({ yaml: ZBundleYamlSchema }).strict().optional(), values: ZBundleValuesSchema.optional(), overrides: ZBundleOverridesSchema.optional() })
  .strict()
  .refine((r) => r.source !== undefined || r.values !== undefined || r.overrides !== undefined, { message: "give source, values or overrides" })
  .superRefine(withValuesChecked);
export type TCreateBundleRevision = z.infer<typeof ZCreateBundleRevisionSchema>;

/** Delete: `prune` (default true) removes the bundle's objects from every cluster first. */
export const ZDeleteBundleQuerySchema = z.object({ prune: z.enum(["true", "false"]).default("true").transform((v) => v === "true") });

/** Rollback: to `revision`, or (omitted) to the revision before the current target. */
export const ZRollbackBundleSchema = z.object({ revision: z.number().int().min(1).optional() }).strict();
export type TRollbackBundle = z.infer<typeof ZRollbackBundleSchema>;

export const ZBundleIdParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const ZBundleActionParamsSchema = z.object({ id: z.string().min(1).max(64), action: z.enum(["pause", "resume", "abort", "rollback"]) });
export const ZBundleRevisionsQuerySchema = z.object({ from: z.coerce.number().int().min(1).optional(), to: z.coerce.number().int().min(1).optional() });

export interface TBundleRevision {
  number: number;
  yaml: string;
  values: TBundleValues;
  overrides: TBundleOverride[];
  gitCommit: string | null;
  createdBy: string;
  createdAt: string;
}

/** A Git source as the API shows it: never the secret, only whether one is stored. */
export interface TBundleGitStatus {
  url: string;
  ref: string;
  path: string;
  pollSeconds: number;
  username: string | null;
  hasSecret: boolean;
  /** A webhook secret exists: `POST …/webhook` accepts deliveries signed with it. */
  hasWebhookSecret: boolean;
  commit: string | null;
  checkedAt: string | null;
  error: string | null;
}

/**
 * Why a bundle targets no cluster (the list says it instead of "0 of 0"): the clusters it
 * named (or its group named) were deleted, or its selector (or group's) matches none.
 */
export type TBundleEmptyReason = "clustersDeleted" | "noMatch";

export interface TBundleClusterStatus {
  clusterId: string;
  clusterName: string;
  region: string | null;
  site: string | null;
  labels: Record<string, string>;
  wave: number;
  state: TBundleState;
  message: string | null;
  appliedRevision: number | null;
  stateSince: string;
}

export interface TBundleSummary {
  id: string;
  name: string;
  clusterSelector: string | null;
  clusterIds: string[];
  /** The saved cluster group targeted (by name), or null. */
  group: string | null;
  git: TBundleGitStatus | null;
  rollout: TBundleRollout;
  prune: boolean;
  selfHeal: boolean;
  revision: number;
  latestRevision: number;
  status: TRolloutStatus;
  statusReason: string | null;
  wave: number;
  waves: number;
  counts: Record<TBundleState, number>;
  total: number;
  /** Cluster ids the targets name (directly or through the group) that no longer exist. */
  missingTargets: number;
  /** Set when total is 0. */
  emptyReason: TBundleEmptyReason | null;
  /** Deletion with prune in progress: clusters whose objects are still to be removed. */
  deleting: { since: string; clustersLeft: number } | null;
  createdAt: string;
  updatedAt: string;
}

export interface TBundleDetail extends TBundleSummary {
  revisions: Array<Omit<TBundleRevision, "yaml" | "values" | "overrides">>;
  /** The target revision's values and overrides. */
  values: TBundleValues;
  overrides: TBundleOverride[];
  clusters: TBundleClusterStatus[];
}

/** A bundle as seen from one cluster (the cluster page). */
export interface TClusterBundle {
  bundleId: string;
  bundleName: string;
  state: TBundleState;
  message: string | null;
  appliedRevision: number | null;
  targetRevision: number;
}
