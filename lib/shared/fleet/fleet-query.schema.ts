import { z } from "zod";
import { CLUSTER_STATES } from "../clusters/clusters.schema";
import { ALERT_RULES } from "./alert-rules";

export const FLEET_SORTS = ["name", "state", "region", "site", "version", "nodes", "failingPods", "warnings", "lastSeen", "dataAge"] as const;
export type TFleetSort = (typeof FLEET_SORTS)[number];

const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

/** "region", "site", "state" or "label:<key>". */
export const ZFleetGroupSchema = z.union([
  z.enum(["region", "site", "state"]),
  z.string().regex(/^label:.+$/, "must be region, site, state or label:<key>").refine((g) => LABEL_KEY.test(g.slice(6)), "is not a valid label key"),
]);
export type TFleetGroup = z.infer<typeof ZFleetGroupSchema>;

/** `key=value` pairs separated by commas (equality only), as in a label selector. */
export const ZLabelSelectorSchema = z
  .string()
  .trim()
  .max(500)
  .transform((s, ctx) => {
    const out: Record<string, string> = {};
    for (const part of s.split(",").map((p) => p.trim()).filter(Boolean)) {
      const [key, value, extra] = part.split("=");
      if (extra !== undefined || !key || value === undefined || !LABEL_KEY.test(key.trim())) {
        ctx.addIssue({ code: "custom", message: "must be key=value pairs separated by commas" });
        return z.NEVER;
      }
      out[key.trim()] = value.trim();
    }
    return out;
  });

/** Query of GET /api/v1/fleet/clusters. Unknown parameters are refused (422), not ignored. */
export const ZFleetClustersQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    state: z.enum(CLUSTER_STATES).optional(),
    /** Only clusters needing attention: not Active, stale, failing pods, not-ready nodes or open alerts. */
    problems: z.enum(["1", "true"]).optional(),
    region: z.string().trim().max(64).optional(),
    site: z.string().trim().max(64).optional(),
    label: ZLabelSelectorSchema.optional(),
    group: ZFleetGroupSchema.optional(),
    sort: z.enum(FLEET_SORTS).default("name"),
    dir: z.enum(["asc", "desc"]).default("asc"),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type TFleetClustersQuery = z.infer<typeof ZFleetClustersQuerySchema>;

export const ZFleetAlertsQuerySchema = z
  .object({
    status: z.enum(["open", "resolved", "all"]).default("open"),
    clusterId: z.string().min(1).max(64).optional(),
    rule: z.enum(ALERT_RULES).optional(),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type TFleetAlertsQuery = z.infer<typeof ZFleetAlertsQuerySchema>;

export const SEARCH_KINDS = ["pod", "node", "deployment", "edgex-device"] as const;
export type TSearchKind = (typeof SEARCH_KINDS)[number];

export const ZFleetSearchQuerySchema = z
  .object({
    q: z.string().trim().min(2, "must be at least 2 characters").max(100),
    kind: z.enum(SEARCH_KINDS).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type TFleetSearchQuery = z.infer<typeof ZFleetSearchQuerySchema>;

export const ZFleetTrendsQuerySchema = z.object({ hours: z.coerce.number().int().min(1).max(168).default(24) }).strict();
export const ZFleetStreamQuerySchema = z.object({ rows: z.enum(["changes", "all"]).default("changes") }).strict();
export const ZAlertIdParamsSchema = z.object({ id: z.string().min(1).max(64) });
