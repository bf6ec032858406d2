import "server-only";
import type { TEdgexDeviceDetail } from "@/lib/shared/edgex/edgex-detail.schema";
import { ZEdgexDeviceCoreCommandResponseSchema } from "@/lib/shared/edgex/edgex-envelopes.schema";
import { absentService, callEdgex, clusterFailure } from "@/lib/shared/edgex/call-edgex";
import { serviceFor } from "@/lib/shared/edgex/edgex-context";
import { edgexPath } from "@/lib/shared/edgex/edgex-transport";
import { toDeviceRow } from "./list-edgex-devices";
import { openEdgexContext } from "./open-edgex-context";
import { readEdgexDevice, readEdgexProfile } from "./read-edgex-device";

/**
 * `GET …/edgex/devices/{device}`: the device (core-metadata), its profile's resources and
 * commands, and core-command's view of its commands (which set/get it exposes). The device
 * and core-command are asked in parallel; the profile once the device names it.
 */
export async function getEdgexDevice(clusterId: string, name: string): Promise<TEdgexDeviceDetail> {
  const opened = await openEdgexContext(clusterId);
  if (!opened.ctx) {
    const failure = clusterFailure(opened.error);
    return { device: null, profile: null, commands: null, failures: { device: failure, profile: null, commands: null } };
  }
  const ctx = opened.ctx;
  const command = serviceFor(ctx, "core-command");
  const [device, commands] = await Promise.all([
    readEdgexDevice(ctx, name),
    command
      ? callEdgex(ctx.transport, command, { path: edgexPath("device", "name", name), timeoutMs: ctx.timeoutMs }, ZEdgexDeviceCoreCommandResponseSchema, "not_found")
      : Promise.resolve({ ok: false as const, failure: absentService("core-command"), latencyMs: 0 }),
  ]);
  const profile = device.device?.profileName ? await readEdgexProfile(ctx, device.device.profileName) : null;
  return {
    device: device.device
      ? { ...toDeviceRow(device.device, null), autoEvents: (device.device.autoEvents ?? []).map((a) => ({ interval: a.interval ?? null, sourceName: a.sourceName ?? null })) }
      : null,
    profile: profile?.profile ?? null,
    commands: commands.ok ? commands.data.deviceCoreCommand.coreCommands : null,
    failures: { device: device.failure, profile: profile?.failure ?? null, commands: commands.ok ? null : commands.failure },
  };
}
