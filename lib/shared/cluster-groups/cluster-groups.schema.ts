import { z } from "zod";
import { ZGroupNameSchema, ZSelectorSchema } from "../bundles/bundle-values";

/** A saved cluster group: a label selector over cluster labels, or an explicit list of cluster ids. */
export const ZClusterGroupInputSchema = z
  .object({
    name: ZGroupNameSchema,
    description: z.string().max(500, "must be at most 500 characters").optional(),
    clusterSelector: ZSelectorSchema.optional(),
    clusterIds: z.array(z.string().min(1).max(64)).min(1, "must name at least one cluster").max(10_000).optional(),
  })
  .strict()
  .refine((g) => (g.clusterSelector === undefined) !== (g.clusterIds === undefined), { message: "give exactly one of clusterSelector or clusterIds" });
export type TClusterGroupInput = z.infer<typeof ZClusterGroupInputSchema>;

export const ZClusterGroupParamsSchema = z.object({ id: z.string().min(1).max(64) });

export interface TClusterGroup {
  id: string;
  name: string;
  description: string | null;
  clusterSelector: string | null;
  clusterIds: string[];
  /** Clusters the group selects now. */
  clusterCount: number;
  /** Bundles targeting the group (a group in use cannot be deleted). */
  bundles: string[];
  createdAt: string;
  updatedAt: string;
}
