import { z } from "zod";
import { CLUSTER_STATES } from "@/lib/shared/clusters/clusters.schema";
import { FLEET_SORTS, ZFleetGroupSchema, type TFleetClustersQuery } from "@/lib/shared/fleet/fleet-query.schema";

export const PAGE_SIZE = 100;

/** The dashboard's view, kept in the URL so a filtered fleet can be shared and bookmarked. */
export const ZFleetViewSchema = z.object({
  q: z.string().max(100).optional().catch(undefined),
  state: z.enum(CLUSTER_STATES).optional().catch(undefined),
  problems: z.enum(["1"]).optional().catch(undefined),
  label: z.string().max(500).optional().catch(undefined),
  group: ZFleetGroupSchema.optional().catch(undefined),
  sort: z.enum(FLEET_SORTS).default("state").catch("state"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  offset: z.coerce.number().int().min(0).default(0).catch(0),
});
export type TFleetView = z.infer<typeof ZFleetViewSchema>;

export function parseFleetView(params: URLSearchParams): TFleetView {
  return ZFleetViewSchema.parse(Object.fromEntries(params));
}

const LABEL_SELECTOR = /^\s*([^=,\s]+=[^=,]*)(\s*,\s*[^=,\s]+=[^=,]*)*\s*$/;

/** True when `label` is empty or looks like `key=value[,key=value]`. */
export function isLabelSelector(label: string | undefined): boolean {
  return !label || LABEL_SELECTOR.test(label);
}

/** The API query of a view (label selectors are sent only when well-formed). */
export function toClustersQuery(view: TFleetView): Partial<Omit<TFleetClustersQuery, "label">> & { label?: string } {
  return { ...view, label: isLabelSelector(view.label) ? view.label : undefined, limit: PAGE_SIZE };
}
