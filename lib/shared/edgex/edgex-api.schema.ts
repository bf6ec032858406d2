// Request schemas and response types of the EdgeX API (/api/v1/clusters/{id}/edgex/…).
import { z } from "zod";
import type { TClusterError, TClusterRef } from "../explorer/explorer.schema";
import { ZClusterParamsSchema, ZNamespaceSchema } from "../explorer/explorer.schema";
import type { TEdgexSummary } from "../fleet/fleet.schema";
import type { TEdgexProbeKind } from "./service-catalog";

/**
 * An EdgeX name (device, profile, command, resource): RFC 3986 unreserved characters, as
 * EdgeX's `edgex-dto-rfc3986-unreserved-chars` validation allows — so it is safe in a URL
 * path segment. Names made only of dots are refused (they would walk the proxy path).
 */
export const ZEdgexNameSchema = z
  .string()
  .min(1, "is required")
  .max(255, "must be at most 255 characters")
  .regex(/^[A-Za-z0-9._~-]+$/, "may contain only letters, digits, - . _ ~")
  .refine((n) => !/^\.+$/.test(n), "is not a valid name");

export const ZEdgexDeviceParamsSchema = ZClusterParamsSchema.extend({ device: ZEdgexNameSchema });
export const ZEdgexCommandParamsSchema = ZEdgexDeviceParamsSchema.extend({ command: ZEdgexNameSchema });
export const ZEdgexServiceParamsSchema = ZClusterParamsSchema.extend({ namespace: ZNamespaceSchema, name: z.string().max(63).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a Service name") });

/** `?offset=&limit=&labels=` of paged lists (EdgeX paging: offset from 0, limit ≤ 100 here). */
export const ZEdgexPageQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  labels: z
    .string()
    .max(500)
    .regex(/^[A-Za-z0-9._~,-]*$/, "must be a comma-separated list of labels")
    .optional(),
});
export type TEdgexPageQuery = z.infer<typeof ZEdgexPageQuerySchema>;

/** `?limit=` of readings and events (the newest N). */
export const ZEdgexLatestQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  device: ZEdgexNameSchema.optional(),
});
export type TEdgexLatestQuery = z.infer<typeof ZEdgexLatestQuerySchema>;

/** A set-command value as EdgeX takes it (device-sdk formats each with `fmt.Sprint`). */
export const ZEdgexSetValueSchema = z.union([z.string().max(4096), z.number(), z.boolean()]);
/** Body of `PUT …/commands/{command}`: resource name → value; checked against the profile afterwards. */
export const ZEdgexSetCommandBodySchema = z.object({
  values: z
    .record(ZEdgexNameSchema, ZEdgexSetValueSchema)
    .refine((v) => Object.keys(v).length > 0, "must set at least one resource")
    .refine((v) => Object.keys(v).length <= 64, "must set at most 64 resources"),
});
export type TEdgexSetCommandBody = z.infer<typeof ZEdgexSetCommandBodySchema>;

/**
 * Why an EdgeX call failed, as data for the page: `down` the service cannot be reached
 * (the proxy's 503), `slow` no answer within the deadline, `malformed` not the JSON EdgeX
 * sends, `unsupported` a 404 from an endpoint this release lacks, `not_found` the named
 * object does not exist, `rejected` EdgeX refused the request (4xx), `error` EdgeX failed
 * (5xx), `forbidden` the cluster refused the caller, `cluster` the cluster is not reachable,
 * `absent` the cluster runs no such EdgeX service.
 */
export const EDGEX_FAILURE_REASONS = ["down", "slow", "malformed", "unsupported", "not_found", "rejected", "error", "forbidden", "cluster", "absent"] as const;
export type TEdgexFailureReason = (typeof EDGEX_FAILURE_REASONS)[number];

export interface TEdgexFailure {
  reason: TEdgexFailureReason;
  /** HTTP status seen (service, proxy or console), null when there was no answer. */
  status: number | null;
  /** Technical detail in English (the proxy's or parser's words), shown under the translated reason. */
  detail: string;
  /** The deadline that passed (slow). */
  timeoutMs?: number;
}

/** Release line of an EdgeX deployment, from `/api/v3/version`. */
export interface TEdgexRelease {
  version: string;
  line: "3.x" | "4.x" | "other";
  /** Minnesota (3.0), Napa (3.1), Odessa (4.0); null when unknown. */
  codename: string | null;
}

/** One EdgeX service found in the cluster and what its probe said. */
export interface TEdgexServiceStatus {
  key: string;
  known: boolean;
  title: string | null;
  namespace: string;
  name: string;
  port: number | null;
  probe: TEdgexProbeKind;
  /** null = not probed (unknown service or no port). */
  up: boolean | null;
  latencyMs: number | null;
  version: string | null;
  failure: TEdgexFailure | null;
}

/** `GET /api/v1/clusters/{id}/edgex`: services, release and the summary. */
export interface TEdgexOverview {
  cluster: TClusterRef;
  checkedAt: string;
  /** False when the cluster runs no EdgeX service. */
  detected: boolean;
  release: TEdgexRelease | null;
  services: TEdgexServiceStatus[];
  summary: (TEdgexSummary & { lastReadingAgeSeconds: number | null }) | null;
  devicesFailure: TEdgexFailure | null;
  readingsFailure: TEdgexFailure | null;
  /** The cluster itself could not be asked (discovery failed). */
  error: TClusterError | null;
}

/** A row of the device table. */
export interface TEdgexDeviceRow {
  name: string;
  description: string | null;
  profileName: string | null;
  serviceName: string | null;
  adminState: string | null;
  operatingState: string | null;
  labels: string[];
  /** ISO time of the device's newest reading; null when none or unknown (see readingsFailure). */
  lastReadingAt: string | null;
}

/** A page of an EdgeX list (devices, profiles, device services). */
export interface TEdgexPage<T> {
  items: T[];
  totalCount: number;
  offset: number;
  limit: number;
  failure: TEdgexFailure | null;
}

export type TEdgexDevicePage = TEdgexPage<TEdgexDeviceRow> & { readingsFailure: TEdgexFailure | null };
