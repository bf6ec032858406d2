// Request schemas and response types of the cluster explorer API (/api/v1/clusters/{id}/…).
import { z } from "zod";
import type { TClusterState } from "../clusters/clusters.schema";
import type { TErrorCode } from "../api/error-codes";
import { labelSelectorError } from "./label-selector";
import { EXPLORER_RESOURCES, type TExplorerResource } from "./resources";

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A namespace name (DNS-1123 label). */
export const ZNamespaceSchema = z.string().max(63, "must be at most 63 characters").regex(DNS1123_LABEL, "must be a DNS-1123 label");
/** An object name. Most kinds take DNS-1123 subdomains; events and a few others allow more, never "/" or "..". */
export const ZObjectNameSchema = z
  .string()
  .min(1, "is required")
  .max(253, "must be at most 253 characters")
  .regex(/^[A-Za-z0-9]([-A-Za-z0-9_.:]*[A-Za-z0-9])?$/, "is not a valid object name")
  .refine((n) => !n.includes(".."), "is not a valid object name");
export const ZDnsSubdomainSchema = z.string().max(253).regex(DNS1123_SUBDOMAIN, "must be a DNS-1123 subdomain");

export const ZLabelSelectorSchema = z.string().superRefine((value, ctx) => {
  const error = labelSelectorError(value);
  if (error) ctx.addIssue({ code: "custom", message: `invalid label selector: ${error}` });
});

export const ZClusterParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const ZNamespacedObjectParamsSchema = ZClusterParamsSchema.extend({ namespace: ZNamespaceSchema, name: ZObjectNameSchema });
export const ZClusterObjectParamsSchema = ZClusterParamsSchema.extend({ name: ZObjectNameSchema });

/** `?namespace=&labelSelector=` of list routes ("" or absent namespace = all namespaces). */
export const ZListQuerySchema = z.object({
  namespace: z.union([z.literal(""), ZNamespaceSchema]).optional(),
  labelSelector: ZLabelSelectorSchema.optional(),
});
export type TListQuery = z.infer<typeof ZListQuerySchema>;

export const ZExplorerResourceSchema = z.enum(EXPLORER_RESOURCES);

/** `?resources=nodes,pods&namespace=` of the SSE changes route (what a page shows, at most 6 lists). */
export const ZChangesQuerySchema = z.object({
  resources: z
    .string()
    .max(200)
    .transform((v) => [...new Set(v.split(",").map((r) => r.trim()).filter(Boolean))])
    .pipe(z.array(ZExplorerResourceSchema).max(6, "at most 6 resources")),
  namespace: z.union([z.literal(""), ZNamespaceSchema]).optional(),
});
export type TChangesQuery = z.infer<typeof ZChangesQuerySchema>;

/** One `changed` event of the changes route: which lists changed, and whether the cluster row did. */
export interface TChangesEvent {
  resources: TExplorerResource[];
  cluster: boolean;
}

/** `?resource=pods&namespace=&labelSelector=&resourceVersion=` of the SSE watch route. */
export const ZWatchQuerySchema = ZListQuerySchema.extend({
  resource: ZExplorerResourceSchema,
  resourceVersion: z.string().max(64).regex(/^[A-Za-z0-9._-]*$/, "is not a resource version").optional(),
});
export type TWatchQuery = z.infer<typeof ZWatchQuerySchema>;

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** `?container=&tailLines=&follow=&timestamps=&previous=&download=` of the logs route. */
export const ZLogsQuerySchema = z.object({
  container: z.string().max(63).regex(DNS1123_LABEL, "must be a container name").optional(),
  tailLines: z.coerce.number().int().min(1).max(100_000).optional(),
  sinceSeconds: z.coerce.number().int().min(1).max(30 * 86_400).optional(),
  follow: flag.optional(),
  timestamps: flag.optional(),
  previous: flag.optional(),
  download: flag.optional(),
});
export type TLogsQuery = z.infer<typeof ZLogsQuerySchema>;

export const ZScaleBodySchema = z.object({ replicas: z.number().int().min(0).max(1000) });
export const ZRevealSecretBodySchema = z.object({ key: z.string().min(1).max(253).regex(/^[-._a-zA-Z0-9]+$/, "is not a Secret key") });

/** The cluster a response is about, with what the UI needs for its stale marker. */
export interface TClusterRef {
  id: string;
  name: string;
  displayName: string;
  state: TClusterState;
  stateReason: string | null;
  stateSince: string;
  lastSeenAt: string | null;
  connected: boolean;
}

/** A cluster's failure, returned as data (never a 500): code is one of the API error codes. */
export interface TClusterError {
  code: TErrorCode;
  /** HTTP status the cluster (or the console, for unavailable/upstream_timeout) answered. */
  status: number;
  /** Kubernetes Status reason ("NotFound", "Forbidden") or ours ("ClusterNotConnected", "Timeout"). */
  reason: string;
  message: string;
}

/** A Kubernetes object as the explorer returns it in lists (managedFields and secret values removed). */
export type TKubeObject = {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{ kind: string; name: string; uid?: string; controller?: boolean }>;
  };
} & Record<string, unknown>;

/** One list item: kubectl's columns by key (`name`, `ready`, `status`, …) and the object. */
export interface TKubeListItem {
  object: TKubeObject;
  [column: string]: string | number | TKubeObject;
}

/** `GET /api/v1/clusters/{id}/<resource>` */
export interface TKubeList {
  cluster: TClusterRef;
  resource: TExplorerResource;
  namespace: string | null;
  labelSelector: string | null;
  resourceVersion: string | null;
  /** kubectl's columns (computed at response time) plus the object. */
  items: TKubeListItem[];
  error: TClusterError | null;
  /** True when the items are the last known state (cluster not connected, watch broken). */
  stale: boolean;
}

/** `GET /api/v1/clusters/{id}/<resource>/{namespace}/{name}` (or `/{name}` for cluster-scoped kinds). */
export interface TKubeDetail {
  cluster: TClusterRef;
  resource: TExplorerResource;
  object: TKubeObject | null;
  /** The object as YAML (read-only view). */
  yaml: string | null;
  related: TRelated;
  error: TClusterError | null;
}

export interface TObjectRef {
  resource: TExplorerResource | null;
  kind: string;
  namespace: string | null;
  name: string;
}

export interface TRelated {
  owner: TObjectRef | null;
  node: string | null;
  events: TKubeObject[];
  /** Deployment → its ReplicaSets; node/workload → its pods. */
  replicaSets: TKubeObject[];
  pods: TKubeObject[];
}

/** `GET /api/v1/clusters/{id}/overview` */
export interface TClusterOverview {
  cluster: TClusterRef & { kubernetesVersion: string | null; agentVersion: string | null; serverCount: number | null };
  /** Live `/version` gitVersion, or null when the cluster cannot be read. */
  kubernetesVersion: string | null;
  distribution: "k3s" | "kubernetes" | null;
  servers: number | null;
  ha: boolean | null;
  nodes: { ready: number; total: number } | null;
  pods: Record<string, number> | null;
  deployments: { available: number; desired: number; count: number } | null;
  warningEvents: TKubeObject[] | null;
  error: TClusterError | null;
}

/** One message of the SSE watch stream (`data:` of each event). */
export type TWatchMessage =
  | { type: "snapshot"; resourceVersion: string; items: TKubeObject[] }
  | { type: "change"; event: "ADDED" | "MODIFIED" | "DELETED"; object: TKubeObject; resourceVersion: string }
  | { type: "status"; live: boolean; error: TClusterError | null };

export type { TExplorerResource };
