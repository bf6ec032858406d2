import { z } from "zod";
import { labelSelectorError } from "../explorer/label-selector";
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

export const ZBundleYamlSchema = z
  .string({ message: "must be a string" })
  .max(MAX_BUNDLE_YAML_BYTES, `must be at most ${MAX_BUNDLE_YAML_BYTES / 1024} KiB`)
  .superRefine((yaml, ctx) => {
    const error = bundleYamlError(yaml);
    if (error) ctx.addIssue({ code: "custom", message: error });
  });

export const ZBundleSourceSchema = z.object({ yaml: ZBundleYamlSchema }).strict();

export const ZBundleTargetsSchema = z
  .object({
    clusterSelector: z
      .string()
      .max(1024)
      .superRefine((s, ctx) => {
        const error = s.trim() === "" ? "must not be empty (it would select every cluster; use a label such as env=prod)" : labelSelectorError(s);
        if (error) ctx.addIssue({ code: "custom", message: `is not a valid label selector: ${error}` });
      })
      .optional(),
    clusterIds: z.array(clusterId).min(1, "must name at least one cluster").max(10_000).optional(),
  })
  .strict()
  .refine((t) => (t.clusterSelector === undefined) !== (t.clusterIds === undefined), { message: "give exactly one of clusterSelector or clusterIds" });
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
  })
  .strict();
export type TCreateBundle = z.infer<typeof ZCreateBundleSchema>;

export const ZCreateBundleRevisionSchema = z.object({ source: ZBundleSourceSchema }).strict();
export type TCreateBundleRevision = z.infer<typeof ZCreateBundleRevisionSchema>;

/** Rollback: to `revision`, or (omitted) to the revision before the current target. */
export const ZRollbackBundleSchema = z.object({ revision: z.number().int().min(1).optional() }).strict();
export type TRollbackBundle = z.infer<typeof ZRollbackBundleSchema>;

export const ZBundleIdParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const ZBundleActionParamsSchema = z.object({ id: z.string().min(1).max(64), action: z.enum(["pause", "resume", "abort", "rollback"]) });
export const ZBundleRevisionsQuerySchema = z.object({ from: z.coerce.number().int().min(1).optional(), to: z.coerce.number().int().min(1).optional() });

export interface TBundleRevision {
  number: number;
  yaml: string;
  createdBy: string;
  createdAt: string;
}

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
  createdAt: string;
  updatedAt: string;
}

export interface TBundleDetail extends TBundleSummary {
  revisions: Array<Omit<TBundleRevision, "yaml">>;
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
