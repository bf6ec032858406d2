import "server-only";
import type { TEdgexDevicePage, TEdgexDeviceRow, TEdgexFailure, TEdgexPageQuery } from "@/lib/shared/edgex/edgex-api.schema";
import { ZEdgexMultiDevicesSchema, ZEdgexMultiReadingsSchema, type TEdgexDevice } from "@/lib/shared/edgex/edgex-envelopes.schema";
import { toReadingView } from "@/lib/shared/edgex/reading-values";
import { absentService, callEdgex, clusterFailure } from "@/lib/shared/edgex/call-edgex";
import { serviceFor, type EdgexContext } from "@/lib/shared/edgex/edgex-context";
import { readEdgexPage } from "./edgex-paging";
import { edgexPath } from "@/lib/shared/edgex/edgex-transport";
import { EDGEX_CONCURRENCY, mapLimited } from "@/lib/shared/edgex/map-limited";
import { openEdgexContext } from "./open-edgex-context";

/** The table row of a device. */
export function toDeviceRow(d: TEdgexDevice, lastReadingAt: string | null): TEdgexDeviceRow {
  return {
    name: d.name,
    description: d.description || null,
    profileName: d.profileName || null,
    serviceName: d.serviceName || null,
    adminState: d.adminState || null,
    operatingState: d.operatingState || null,
    labels: d.labels,
    lastReadingAt,
  };
}

/**
 * The newest reading of each device on the page: one core-data call per device (there is
 * no batch endpoint), at most EDGEX_CONCURRENCY at once. Returns the first failure so the
 * page can say why the column is empty.
 */
async function lastReadings(ctx: EdgexContext, devices: TEdgexDevice[]): Promise<{ at: Array<string | null>; failure: TEdgexFailure | null }> {
  const data = serviceFor(ctx, "core-data");
  if (!data) return { at: devices.map(() => null), failure: absentService("core-data") };
  let failure: TEdgexFailure | null = null;
  const at = await mapLimited(devices, EDGEX_CONCURRENCY, async (d) => {
    const res = await callEdgex(ctx.transport, data, { path: edgexPath("reading", "device", "name", d.name), query: { offset: 0, limit: 1 }, timeoutMs: ctx.timeoutMs }, ZEdgexMultiReadingsSchema, "not_found");
    if (!res.ok) {
      // A device without readings is a 404 in some releases; that is not a failure.
      if (res.failure.reason !== "not_found" && res.failure.status !== 416) failure ??= res.failure;
      return null;
    }
    const newest = res.data.readings[0];
    return newest ? toReadingView(newest).at : null;
  });
  return { at, failure };
}

/**
 * `GET …/edgex/devices?offset=&limit=&labels=`: a page of core-metadata's devices with
 * each one's last reading time from core-data. Failures of either service are data.
 */
export async function listEdgexDevices(clusterId: string, page: TEdgexPageQuery): Promise<TEdgexDevicePage> {
  const opened = await openEdgexContext(clusterId);
  const base = { offset: page.offset, limit: page.limit };
  if (!opened.ctx) {
    return { ...base, items: [], totalCount: 0, failure: clusterFailure(opened.error), readingsFailure: null };
  }
  const ctx = opened.ctx;
  const read = await readEdgexPage(ctx, "core-metadata", edgexPath("device", "all"), page, ZEdgexMultiDevicesSchema, (d) => ({ items: d.devices, totalCount: d.totalCount }));
  if (read.failure) return { ...base, items: [], totalCount: 0, failure: read.failure, readingsFailure: null };
  const last = await lastReadings(ctx, read.items);
  return { ...base, items: read.items.map((d, i) => toDeviceRow(d, last.at[i] ?? null)), totalCount: read.totalCount, failure: null, readingsFailure: last.failure };
}
