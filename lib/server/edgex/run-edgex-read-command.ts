import "server-only";
import type { TEdgexReadResult } from "@/lib/shared/edgex/edgex-detail.schema";
import { ZEdgexEventResponseSchema } from "@/lib/shared/edgex/edgex-envelopes.schema";
import { toReadingView } from "@/lib/shared/edgex/reading-values";
import { absentService, callEdgex, clusterFailure } from "@/lib/shared/edgex/call-edgex";
import { serviceFor } from "@/lib/shared/edgex/edgex-context";
import { edgexPath } from "@/lib/shared/edgex/edgex-transport";
import { openEdgexContext } from "./open-edgex-context";

/**
 * `GET …/edgex/devices/{device}/commands/{command}`: runs a read command through
 * core-command and returns the values. `ds-pushevent=false`: looking at a value from the
 * console must not add events to core-data; `ds-returnevent=true`: we want them back.
 */
export async function runEdgexReadCommand(clusterId: string, device: string, command: string): Promise<TEdgexReadResult> {
  const base = { device, command };
  const opened = await openEdgexContext(clusterId);
  if (!opened.ctx) return { ...base, readings: [], failure: clusterFailure(opened.error) };
  const service = serviceFor(opened.ctx, "core-command");
  if (!service) return { ...base, readings: [], failure: absentService("core-command") };
  const query = { "ds-pushevent": "false", "ds-returnevent": "true" };
  const res = await callEdgex(opened.ctx.transport, service, { path: edgexPath("device", "name", device, command), query, timeoutMs: opened.ctx.timeoutMs }, ZEdgexEventResponseSchema, "not_found");
  if (!res.ok) return { ...base, readings: [], failure: res.failure };
  return { ...base, readings: (res.data.event?.readings ?? []).map(toReadingView), failure: null };
}
