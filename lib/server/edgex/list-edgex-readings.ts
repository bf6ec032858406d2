import "server-only";
import type { TEdgexLatestQuery } from "@/lib/shared/edgex/edgex-api.schema";
import type { TEdgexReadingList } from "@/lib/shared/edgex/edgex-detail.schema";
import { ZEdgexMultiReadingsSchema } from "@/lib/shared/edgex/edgex-envelopes.schema";
import { toReadingView } from "@/lib/shared/edgex/reading-values";
import { absentService, callEdgex, clusterFailure } from "@/lib/shared/edgex/call-edgex";
import { serviceFor } from "@/lib/shared/edgex/edgex-context";
import { edgexPath } from "@/lib/shared/edgex/edgex-transport";
import { openEdgexContext } from "./open-edgex-context";

/**
 * `GET …/edgex/readings?device=&limit=`: the newest N readings from core-data, of one
 * device or of all, newest first. Polled by the page while it is open (one call per poll).
 */
export async function listEdgexReadings(clusterId: string, query: TEdgexLatestQuery): Promise<TEdgexReadingList> {
  const opened = await openEdgexContext(clusterId);
  if (!opened.ctx) return { items: [], totalCount: 0, failure: clusterFailure(opened.error) };
  const data = serviceFor(opened.ctx, "core-data");
  if (!data) return { items: [], totalCount: 0, failure: absentService("core-data") };
  const path = query.device ? edgexPath("reading", "device", "name", query.device) : edgexPath("reading", "all");
  const res = await callEdgex(opened.ctx.transport, data, { path, query: { offset: 0, limit: query.limit }, timeoutMs: opened.ctx.timeoutMs }, ZEdgexMultiReadingsSchema, "not_found");
  if (!res.ok) return res.failure.status === 416 ? { items: [], totalCount: 0, failure: null } : { items: [], totalCount: 0, failure: res.failure };
  return { items: res.data.readings.map(toReadingView), totalCount: res.data.totalCount ?? res.data.readings.length, failure: null };
}
