// Request schemas and response types of the discovery-driven resource API
// (/api/v1/clusters/{id}/resources[/{group}/{version}/{resource}]).
import { z } from "zod";
import type { TClusterError, TClusterRef } from "../explorer/explorer.schema";
import { ZClusterParamsSchema, ZLabelSelectorSchema, ZNamespaceSchema, ZObjectNameSchema } from "../explorer/explorer.schema";

/** The path segment naming the legacy (core) API group, which has no name of its own. */
export const CORE_GROUP_SEGMENT = "core";

/** One resource a cluster serves, from its aggregated discovery. */
export interface TApiResource {
  /** "" for the core group. */
  group: string;
  version: string;
  /** The plural, as in URLs (`ingresses`). */
  resource: string;
  kind: string;
  singular: string;
  namespaced: boolean;
  verbs: string[];
  shortNames: string[];
  categories: string[];
  /** This version is the group's preferred one (discovery lists it first). */
  preferred: boolean;
  /** Other versions of the same group and resource the cluster also serves. */
  otherVersions: string[];
}

/** `GET /api/v1/clusters/{id}/resources`: what the cluster serves (error as data). */
export interface TApiResourceList {
  cluster: TClusterRef;
  resources: TApiResource[];
  error: TClusterError | null;
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** `{group}/{version}/{resource}` of a resource route; `core` is the legacy group. */
export const ZResourceParamsSchema = ZClusterParamsSchema.extend({
  group: z
    .string()
    .max(253)
    .regex(DNS1123_SUBDOMAIN, "must be an API group (or core)")
    .transform((g) => (g === CORE_GROUP_SEGMENT ? "" : g)),
  version: z.string().max(63).regex(/^v[0-9]+((alpha|beta)[0-9]+)?$/, "must be an API version such as v1 or v1beta1"),
  resource: z.string().max(253).regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, "must be a resource name (plural, lower case)"),
});
export type TResourceParams = z.infer<typeof ZResourceParamsSchema>;

/** One object of a resource: `…/{resource}/{name}` (cluster-scoped) or `…/{resource}/{namespace}/{name}`. */
export const ZResourceObjectParamsSchema = ZResourceParamsSchema.extend({
  // Next passes a catch-all segment as an array; "ns/name" as one string is accepted too.
  object: z
    .union([z.array(z.string()), z.string().transform((s) => s.split("/"))])
    .pipe(z.array(z.string()).min(1, "name the object")
    .max(2, "is {namespace}/{name} or {name}"))
    .transform((parts: string[]) => (parts.length === 2 ? { namespace: parts[0]!, name: parts[1]! } : { namespace: undefined, name: parts[0]! }))
    .pipe(z.object({ namespace: ZNamespaceSchema.optional(), name: ZObjectNameSchema })),
});
export type TResourceObjectParams = z.infer<typeof ZResourceObjectParamsSchema>;

/** A field selector: comma-separated `field=value`, `field==value` or `field!=value`. */
export const ZFieldSelectorSchema = z
  .string()
  .max(1024)
  .regex(/^([A-Za-z0-9_.-]+(==|!=|=)[^,]*)(,[A-Za-z0-9_.-]+(==|!=|=)[^,]*)*$/, "invalid field selector: use field=value, field!=value, comma-separated");

/** `?namespace=&labelSelector=&fieldSelector=&limit=&continue=` of a resource list. */
export const ZResourceListQuerySchema = z.object({
  namespace: z.union([z.literal(""), ZNamespaceSchema]).optional(),
  labelSelector: ZLabelSelectorSchema.optional(),
  fieldSelector: z.union([z.literal(""), ZFieldSelectorSchema]).optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
  continue: z.string().max(4096).regex(/^[A-Za-z0-9+/=_-]*$/, "is not a continue token").optional(),
});
export type TResourceListQuery = z.infer<typeof ZResourceListQuerySchema>;

const ZResourceVersionSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, "is not a resource version");

/** `?…&resourceVersion=` of a resource's live Table watch (SSE). */
export const ZResourceWatchQuerySchema = ZResourceListQuerySchema.omit({ limit: true, continue: true }).extend({ resourceVersion: ZResourceVersionSchema });
export type TResourceWatchQuery = z.infer<typeof ZResourceWatchQuerySchema>;

/** The list route's query: one page, or with `watch=true` (and the list's resourceVersion) its live rows. */
export const ZResourceTableQuerySchema = ZResourceListQuerySchema.extend({
  watch: z.enum(["true", "false"]).optional(),
  resourceVersion: ZResourceVersionSchema.optional(),
}).refine((q) => q.watch !== "true" || q.resourceVersion !== undefined, { message: "a watch needs the resourceVersion of its list", path: ["resourceVersion"] });
export type TResourceTableQuery = z.infer<typeof ZResourceTableQuerySchema>;

/** A column of the apiserver's Table (meta.k8s.io/v1 TableColumnDefinition). */
export interface TTableColumn {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

/** A row's object with includeObject=Metadata: PartialObjectMetadata. */
export interface TRowObject {
  kind?: string;
  apiVersion?: string;
  metadata: {
    name?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{ apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }>;
  };
}

export interface TTableRow {
  cells: Array<string | number | boolean | null>;
  object: TRowObject | null;
}

/** The apiserver's Table, as the automation API answers it. */
export interface TResourceTable {
  kind: "Table";
  apiVersion: string;
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: TTableColumn[];
  rows: TTableRow[];
}

/** One event of a resource's live Table watch (SSE `change`), or its status. */
export type TTableWatchMessage =
  | { type: "change"; event: "ADDED" | "MODIFIED" | "DELETED"; row: TTableRow; resourceVersion: string }
  | { type: "bookmark"; resourceVersion: string }
  | { type: "status"; live: boolean; error: TClusterError | null };

/** A link to another object (owner, child, selected object). `resource` is null when the cluster serves no such kind. */
export interface TObjectLink {
  group: string;
  version: string;
  resource: string | null;
  kind: string;
  namespace: string | null;
  name: string;
}

/** `GET …/{resource}/{namespace}/{name}`: one object as the user may read it, and what surrounds it. */
export interface TResourceDetail {
  cluster: TClusterRef;
  resource: TApiResource;
  /** The object without managedFields; a Secret's values blanked. */
  object: Record<string, unknown> | null;
  yaml: string | null;
  /** Events whose involvedObject is this object, as the events Table (kubectl's columns). */
  events: TResourceTable | null;
  /** Controller owner first, then its owner, … (at most 5). */
  owners: TObjectLink[];
  /** Objects in the same namespace this object owns (ReplicaSets, Pods, Jobs). */
  children: TObjectLink[];
  /** Objects this one selects or binds (a Service's Pods, a PVC's PersistentVolume). */
  related: TObjectLink[];
  error: TClusterError | null;
}
