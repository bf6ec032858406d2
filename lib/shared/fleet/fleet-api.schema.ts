import { z } from "zod";
import type { TAlertRule, TAlertSeverity } from "./alert-rules";
import type { TFleetCluster, TFleetSummary } from "./fleet.schema";
import type { TSearchKind } from "./fleet-query.schema";

export interface TFleetClustersPage {
  items: TFleetCluster[];
  total: number;
  offset: number;
  limit: number;
  /** With `group`: every group's key (null = no value) and size, in display order. */
  groups: Array<{ key: string | null; count: number }> | null;
  at: string;
}

export interface TFleetAlert {
  id: string;
  clusterId: string;
  clusterName: string;
  rule: TAlertRule;
  subject: string;
  severity: TAlertSeverity;
  params: Record<string, string | number>;
  since: string;
  firedAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  ackedAt: string | null;
  ackedByName: string | null;
}

export interface TFleetSearchHit {
  clusterId: string;
  clusterName: string;
  kind: TSearchKind;
  namespace: string;
  name: string;
  status: string;
  labels: Record<string, string>;
  /** Where the object opens in the console. */
  href: string;
}

export interface TTrendPoint {
  at: string;
  nodesReady: number;
  nodesTotal: number;
  podsFailing: number;
}

/** Server-sent events of GET /api/v1/fleet/stream (`event:` names → data). */
export interface TFleetStreamEvents {
  /** First message: totals and (rows=all) every cluster. */
  init: { summary: TFleetSummary; rows: TFleetCluster[] | null };
  /** Each interval: new totals, clusters whose data changed, clusters gone. */
  delta: { summary: TFleetSummary; changed: TFleetCluster[]; removed: string[] };
}

const webhookUrl = z
  .url({ protocol: /^https?$/, message: "must be an http:// or https:// URL" })
  .max(2048)
  .refine((u) => !/^https?:\/\/[^/]*@/.test(u), "must not contain credentials");

/** PUT /api/v1/fleet/webhook. `secret`: omit to keep, null to remove. */
export const ZUpdateWebhookSchema = z
  .object({
    enabled: z.boolean(),
    url: webhookUrl.nullable(),
    secret: z.string().min(16, "must be at least 16 characters").max(256).nullable().optional(),
  })
  .strict()
  .refine((v) => !v.enabled || v.url, { message: "is required when the webhook is enabled", path: ["url"] });
export type TUpdateWebhook = z.infer<typeof ZUpdateWebhookSchema>;

export interface TWebhookSettings {
  enabled: boolean;
  url: string | null;
  hasSecret: boolean;
  updatedAt: string | null;
  updatedByName: string | null;
  lastDeliveryAt: string | null;
  lastDeliveryStatus: string | null;
  lastDeliveryError: string | null;
}

/** Body of every webhook POST. */
export interface TWebhookPayload {
  event: "alert.fired" | "alert.resolved" | "test";
  sentAt: string;
  alert: TFleetAlert | null;
  console: string;
}
