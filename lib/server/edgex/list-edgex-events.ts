import "server-only";
import type { TEdgexLatestQuery } from "@/lib/shared/edgex/edgex-api.schema";
import type { TEdgexEventList } from "@/lib/shared/edgex/edgex-detail.schema";
import { ZEdgexMultiEventsSchema } from "@/lib/shared/edgex/edgex-envelopes.schema";
import { toEventView } from "@/lib/shared/edgex/reading-values";
import { absentService, callEdgex, clusterFailure } from "@/lib/shared/edgex/call-edgex";
import { serviceFor } from "@/lib/shared/edgex/edgex-context";
import { edgexPath } from "@/lib/shared/edgex/edgex-transport";
import { openEdgexContext } from "./open-edgex-context";

/** `GET …/edgex/events?device=&limit=`: the newest N events from core-data, of one device or of all. */
export async function listEdgexEvents(clusterId: string, query: TEdgexLatestQuery): Promise<TEdgexEventList> {
  const opened = await openEdgexContext(clusterId);
  if (!opened.ctx) return { items: [], totalCount: 0, failure: clusterFailure(opened.error) };
  const data = serviceFor(opened.ctx, "core-data");
  if (!data) return { items: [], totalCount: 0, failure: absentService("core-data") };
  const path = query.device ? edgexPath("event", "device", "name", query.device) : edgexPath("event", "all");
  const res = await callEdgex(opened.ctx.transport, data, { path, query: { offset: 0, limit: query.limit }, timeoutMs: opened.ctx.timeoutMs }, ZEdgexMultiEventsSchema, "not_found");
  if (!res.ok) return res.failure.status === 416 ? { items: [], totalCount: 0, failure: null } : { items: [], totalCount: 0, failure: res.failure };
  return { items: res.data.events.map(toEventView), totalCount: res.data.totalCount ?? res.data.events.length, failure: null };
}
