import { z } from "zod";

export const ZNodeTaintSchema = z.object({ key: z.string(), value: z.string().optional(), effect: z.string() });

/** One node's hardware (see node-hardware.ts). Quantities as the apiserver prints them ("4", "8245000Ki"). */
export const ZNodeHardwareSchema = z.object({
  name: z.string(),
  architecture: z.string(),
  operatingSystem: z.string(),
  osImage: z.string(),
  kernelVersion: z.string(),
  containerRuntime: z.string(),
  kubeletVersion: z.string(),
  roles: z.array(z.string()),
  cpuCapacity: z.string(),
  memoryCapacity: z.string(),
  cpuAllocatable: z.string(),
  memoryAllocatable: z.string(),
  /** Extended resources with a non-zero capacity: nvidia.com/gpu, hugepages-2Mi, device-plugin devices. */
  extended: z.record(z.string(), z.string()),
  /** GPUs/NPUs among the extended resources (their capacity summed). */
  accelerators: z.number().int(),
  taints: z.array(ZNodeTaintSchema),
  realtime: z.boolean(),
});
export type TNodeHardware = z.infer<typeof ZNodeHardwareSchema>;

/** A node of the fleet inventory: its hardware, its cluster, and when it was last seen. */
export const ZInventoryNodeSchema = ZNodeHardwareSchema.extend({
  clusterId: z.string(),
  clusterName: z.string(),
  ready: z.boolean(),
  collectedAt: z.string(),
});
export type TInventoryNode = z.infer<typeof ZInventoryNodeSchema>;

const filter = z
  .string()
  .trim()
  .max(200, "at most 200 characters")
  .optional()
  .transform((v) => v || undefined);

/**
 * Filters of the inventory page, its API and its CSV (the same query string for all three):
 * exact architecture, OS image, kernel, kubelet (k3s) version and extended resource, "gpu=1"
 * for nodes with an accelerator, "rt=1" for real-time kernels, and `q` (name or cluster, substring).
 */
export const ZInventoryQuerySchema = z
  .object({
    arch: filter,
    os: filter,
    kernel: filter,
    version: filter,
    resource: filter,
    gpu: z.enum(["1"]).optional(),
    rt: z.enum(["1"]).optional(),
    q: filter,
  })
  .strict();
export type TInventoryQuery = z.infer<typeof ZInventoryQuerySchema>;

export const ZInventoryCountSchema = z.object({ value: z.string(), nodes: z.number().int(), clusters: z.number().int() });
export type TInventoryCount = z.infer<typeof ZInventoryCountSchema>;

/** Facets the inventory counts nodes by. */
export const INVENTORY_FACETS = ["arch", "os", "kernel", "version", "resource"] as const;
export type TInventoryFacet = (typeof INVENTORY_FACETS)[number];

export const ZInventorySchema = z.object({
  totals: z.object({ nodes: z.number().int(), clusters: z.number().int(), accelerators: z.number().int(), realtime: z.number().int() }),
  counts: z.record(z.enum(INVENTORY_FACETS), z.array(ZInventoryCountSchema)),
  nodes: z.array(ZInventoryNodeSchema),
  /** True when more nodes match than `nodes` holds (the CSV has them all). */
  truncated: z.boolean(),
});
export type TInventory = z.infer<typeof ZInventorySchema>;
