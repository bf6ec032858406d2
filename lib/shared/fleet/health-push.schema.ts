import { z } from "zod";
import { SEARCH_KINDS } from "./fleet-query.schema";
import { ZEdgexSummarySchema } from "./fleet.schema";
import { ZNodeHardwareSchema } from "../inventory/inventory.schema";
import { SEARCH_ITEMS_CAP } from "./search-entries";
import { HEALTH_DETAIL_CAP } from "./summarize-health";

// CONTROL messages of health pushed by the agent (control protocol 3, docs/TUNNEL.md
// "Health summaries"). Everything an agent sends is bounded: a rogue agent cannot make the
// console hold more than a snapshot's worth per cluster.

const count = z.number().int().min(0).max(10_000_000);
const name = z.string().max(320);
const names = z.array(name).max(HEALTH_DETAIL_CAP);
const pair = z.object({ total: count, unavailable: count }).strict();

export const ZClusterHealthSchema = z
  .object({
    nodes: z.object({ ready: count, total: count }).strict(),
    pods: z.object({ total: count, running: count, pending: count, succeeded: count, failed: count, unknown: count, failing: count, crashLooping: count }).strict(),
    deployments: pair,
    // Protocol 4 (absent from older agents).
    workloads: z.object({ statefulSets: pair, daemonSets: pair }).strict().optional(),
    warningEvents: count,
    kubernetesVersion: z.string().max(100).nullable(),
    edgex: ZEdgexSummarySchema.nullable(),
    details: z
      .object({
        notReadyNodes: z.array(z.object({ name, since: z.string().max(40).nullable() }).strict()).max(HEALTH_DETAIL_CAP),
        crashLoopingPods: names,
        failingPods: names,
        unavailableDeployments: names,
        kubeletVersions: z.array(z.string().max(100)).max(HEALTH_DETAIL_CAP),
        edgexServicesDown: names,
        unavailableStatefulSets: names.optional(),
        unavailableDaemonSets: names.optional(),
      })
      .strict(),
  })
  .strict();

export const ZSearchItemSchema = z
  .object({
    kind: z.enum(SEARCH_KINDS),
    namespace: z.string().max(253),
    name: z.string().max(253),
    labels: z.record(z.string().max(317), z.string().max(63)).refine((l) => Object.keys(l).length <= 64, "too many labels"),
    status: z.string().max(100),
  })
  .strict();

/** Nodes a cluster may report hardware of. */
export const HARDWARE_NODES_CAP = 5_000;

/**
 * Whether the agent's watch caches follow its apiserver (protocol 4). `current: false` — a
 * watch failed and is being re-established or relisted — makes the summary last-known
 * numbers: the console shows them stale with `reason`, never as a healthy cluster.
 */
export const ZHealthCachesSchema = z
  .object({ current: z.boolean(), since: z.string().max(40).nullable(), reason: z.string().max(500).nullable() })
  .strict();
export type THealthCaches = z.infer<typeof ZHealthCachesSchema>;

const ZHealthPartsSchema = ZClusterHealthSchema.extend({
  search: z.array(ZSearchItemSchema).max(SEARCH_ITEMS_CAP),
  hardware: z.array(ZNodeHardwareSchema.extend({ ready: z.boolean() })).max(HARDWARE_NODES_CAP),
  caches: ZHealthCachesSchema.optional(),
});
export type THealthParts = z.infer<typeof ZHealthPartsSchema>;
export const HEALTH_PART_KEYS = Object.keys(ZHealthPartsSchema.shape) as (keyof THealthParts)[];

const sequence = { epoch: z.string().min(1).max(64), seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) };

/**
 * `health`: `full` carries every part; otherwise `changes` carries only the parts that
 * differ from the previous message (seq − 1 of the same epoch). A new agent process starts a
 * new epoch; seq counts up across reconnects.
 */
export const ZHealthMessageSchema = z.discriminatedUnion("full", [
  z.object({ type: z.literal("health"), ...sequence, full: z.literal(true), parts: ZHealthPartsSchema }).strict(),
  z.object({ type: z.literal("health"), ...sequence, full: z.literal(false), changes: ZHealthPartsSchema.partial() }).strict(),
]);
export type THealthMessage = z.infer<typeof ZHealthMessageSchema>;

/** Console → agent: everything up to `seq` of `epoch` is applied. */
export interface THealthAck {
  type: "health-ack";
  epoch: string;
  seq: number;
}
/** Console → agent: a gap (or an unknown epoch): send everything again. */
export interface THealthResync {
  type: "health-resync";
  epoch: string;
  reason: string;
}
