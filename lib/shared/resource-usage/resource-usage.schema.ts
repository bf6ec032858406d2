// CPU and memory from a cluster's metrics.k8s.io (what `kubectl top` reads), per pod or node.
import { z } from "zod";
import { ZNamespaceSchema } from "../explorer/explorer.schema";

/** `?resource=pods|nodes&namespace=`: whose usage to read (namespace only for pods; empty = all). */
export const ZUsageQuerySchema = z.object({
  resource: z.enum(["pods", "nodes"]),
  namespace: ZNamespaceSchema.optional(),
});
export type TUsageQuery = z.infer<typeof ZUsageQuerySchema>;

/** One container's usage (pods only). */
export interface TContainerUsage {
  name: string;
  cpuNanocores: number;
  memoryBytes: number;
}

/** One pod's (sum of its containers) or node's usage in one metrics window. */
export interface TUsageItem {
  namespace?: string;
  name: string;
  /** Start of the metrics window the sample was scraped in. */
  timestamp: string;
  window: string;
  cpuNanocores: number;
  memoryBytes: number;
  containers?: TContainerUsage[];
}

/**
 * Why there are no figures: the group is not served (no metrics-server: 404), the user may
 * not read it (403), or the APIService is there but its backend does not answer (503).
 */
export type TUsageUnavailableReason = "not_installed" | "forbidden" | "backend_unavailable";

export type TResourceUsage = { available: true; items: TUsageItem[] } | { available: false; reason: TUsageUnavailableReason; message: string };
