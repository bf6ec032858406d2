import type { TEdgexFailure } from "./edgex-api.schema";
import { ZEdgexMultiDevicesSchema, ZEdgexMultiReadingsSchema, type TEdgexDevice } from "./edgex-envelopes.schema";
import { toReadingView } from "./reading-values";
import { absentService, callEdgex } from "./call-edgex";
import { serviceFor, type EdgexContext } from "./edgex-context";
import { edgexPath } from "./edgex-transport";

/** EdgeX's MaxResultCount default: `limit=-1` returns at most this many. */
const MAX_RESULT_COUNT = 1024;

export type DevicesRead = { devices: TEdgexDevice[]; total: number; failure: null } | { devices: null; total: null; failure: TEdgexFailure };

/**
 * All devices from core-metadata in one call (`limit=-1`, at most MaxResultCount). Edge
 * sites have tens to hundreds of devices; beyond 1,024 the up-count covers the first
 * 1,024 while the total stays exact (from `totalCount`).
 */
export async function readAllDevices(ctx: EdgexContext): Promise<DevicesRead> {
  const metadata = serviceFor(ctx, "core-metadata");
  if (!metadata) return { devices: null, total: null, failure: absentService("core-metadata") };
  const res = await callEdgex(ctx.transport, metadata, { path: edgexPath("device", "all"), query: { offset: 0, limit: -1 }, timeoutMs: ctx.timeoutMs }, ZEdgexMultiDevicesSchema);
  if (!res.ok) return { devices: null, total: null, failure: res.failure };
  return { devices: res.data.devices.slice(0, MAX_RESULT_COUNT), total: res.data.totalCount ?? res.data.devices.length, failure: null };
}

/** The time of the newest reading in core-data (any device), or null when there is none. */
export async function readLastReadingAt(ctx: EdgexContext): Promise<{ at: string | null; failure: TEdgexFailure | null }> {
  const data = serviceFor(ctx, "core-data");
  if (!data) return { at: null, failure: absentService("core-data") };
  const res = await callEdgex(ctx.transport, data, { path: edgexPath("reading", "all"), query: { offset: 0, limit: 1 }, timeoutMs: ctx.timeoutMs }, ZEdgexMultiReadingsSchema);
  if (!res.ok) return { at: null, failure: res.failure };
  const newest = res.data.readings[0];
  return { at: newest ? toReadingView(newest).at : null, failure: null };
}
