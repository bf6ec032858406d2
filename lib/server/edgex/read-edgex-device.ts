import "server-only";
import type { TEdgexFailure } from "@/lib/shared/edgex/edgex-api.schema";
import { ZEdgexDeviceResponseSchema, ZEdgexProfileResponseSchema, type TEdgexDevice, type TEdgexProfile } from "@/lib/shared/edgex/edgex-envelopes.schema";
import { absentService, callEdgex } from "@/lib/shared/edgex/call-edgex";
import { serviceFor, type EdgexContext } from "@/lib/shared/edgex/edgex-context";
import { edgexPath } from "@/lib/shared/edgex/edgex-transport";

/** One device from core-metadata by name (404 → `not_found`). */
export async function readEdgexDevice(ctx: EdgexContext, name: string): Promise<{ device: TEdgexDevice; failure: null } | { device: null; failure: TEdgexFailure }> {
  const metadata = serviceFor(ctx, "core-metadata");
  if (!metadata) return { device: null, failure: absentService("core-metadata") };
  const res = await callEdgex(ctx.transport, metadata, { path: edgexPath("device", "name", name), timeoutMs: ctx.timeoutMs }, ZEdgexDeviceResponseSchema, "not_found");
  return res.ok ? { device: res.data.device, failure: null } : { device: null, failure: res.failure };
}

/** One device profile from core-metadata by name (404 → `not_found`). */
export async function readEdgexProfile(ctx: EdgexContext, name: string): Promise<{ profile: TEdgexProfile; failure: null } | { profile: null; failure: TEdgexFailure }> {
  const metadata = serviceFor(ctx, "core-metadata");
  if (!metadata) return { profile: null, failure: absentService("core-metadata") };
  const res = await callEdgex(ctx.transport, metadata, { path: edgexPath("deviceprofile", "name", name), timeoutMs: ctx.timeoutMs }, ZEdgexProfileResponseSchema, "not_found");
  return res.ok ? { profile: res.data.profile, failure: null } : { profile: null, failure: res.failure };
}
