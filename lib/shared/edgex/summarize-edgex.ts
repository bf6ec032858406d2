import type { TEdgexSummary } from "../fleet/fleet.schema";
import type { TEdgexServiceStatus } from "./edgex-api.schema";

export interface TEdgexDeviceCount {
  up: number;
  total: number;
}

/**
 * The per-cluster EdgeX summary (fleet dashboard, `GET …/edgex`): services up of those
 * probed (unknown infrastructure services are not counted), devices whose operatingState is
 * UP of all devices, and the newest reading with its age. Devices count 0/0 when core-metadata
 * could not be read — the caller reports that failure next to the summary.
 */
export function summarizeEdgex(
  services: readonly TEdgexServiceStatus[],
  devices: TEdgexDeviceCount | null,
  lastReadingAt: string | null,
  now: number,
): TEdgexSummary & { lastReadingAgeSeconds: number | null } {
  const probed = services.filter((s) => s.up !== null);
  const at = lastReadingAt ? Date.parse(lastReadingAt) : NaN;
  return {
    servicesUp: probed.filter((s) => s.up).length,
    servicesTotal: probed.length,
    devicesUp: devices?.up ?? 0,
    devicesTotal: devices?.total ?? 0,
    lastReadingAt: Number.isFinite(at) ? new Date(at).toISOString() : null,
    lastReadingAgeSeconds: Number.isFinite(at) ? Math.max(0, Math.round((now - at) / 1000)) : null,
  };
}

/** Counts devices whose operatingState is UP. */
export function countDevicesUp(devices: ReadonlyArray<{ operatingState?: string | null }>, total: number): TEdgexDeviceCount {
  return { up: devices.filter((d) => d.operatingState === "UP").length, total: Math.max(total, devices.length) };
}
