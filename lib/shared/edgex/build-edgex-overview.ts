import type { TEdgexOverview } from "./edgex-api.schema";
import type { TEdgexDevice } from "./edgex-envelopes.schema";
import { detectEdgexRelease } from "./detect-release";
import { countDevicesUp, summarizeEdgex } from "./summarize-edgex";
import type { EdgexContext } from "./edgex-context";
import { EDGEX_CONCURRENCY, mapLimited } from "./map-limited";
import { probeEdgexService } from "./probe-edgex-service";
import { readAllDevices, readLastReadingAt } from "./read-edgex-totals";

export type EdgexOverviewCore = Omit<TEdgexOverview, "cluster" | "error"> & { devices: TEdgexDevice[] | null };

/**
 * Probes every EdgeX service (bounded concurrency), reads the device count and the newest
 * reading — all in parallel, so the whole overview takes one EdgeX deadline at most — and
 * summarises. Every service's failure is in its own row; nothing here throws for EdgeX.
 */
export async function buildEdgexOverview(ctx: EdgexContext, now: () => number = Date.now): Promise<EdgexOverviewCore> {
  const [services, devices, last] = await Promise.all([
    mapLimited(ctx.services, EDGEX_CONCURRENCY, (ref) => probeEdgexService(ctx, ref)),
    readAllDevices(ctx),
    readLastReadingAt(ctx),
  ]);
  const detected = ctx.services.length > 0;
  const count = devices.devices ? countDevicesUp(devices.devices, devices.total) : null;
  return {
    checkedAt: new Date(now()).toISOString(),
    detected,
    release: detectEdgexRelease(services.filter((s) => s.known).map((s) => s.version)),
    services,
    summary: detected ? summarizeEdgex(services, count, last.at, now()) : null,
    devicesFailure: detected ? devices.failure : null,
    readingsFailure: detected ? last.failure : null,
    devices: devices.devices,
  };
}
