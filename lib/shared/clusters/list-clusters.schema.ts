import { z } from "zod";
import { CLUSTER_STATES } from "./clusters.schema";

export const ZListClustersQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  state: z.enum(CLUSTER_STATES).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TListClustersQuery = z.infer<typeof ZListClustersQuerySchema>;
