import "server-only";
import type { TEdgexFailure } from "@/lib/shared/edgex/edgex-api.schema";
import type { TEdgexSetResult } from "@/lib/shared/edgex/edgex-detail.schema";
import { ZEdgexBaseResponseSchema } from "@/lib/shared/edgex/edgex-envelopes.schema";
import { setCommandFields } from "@/lib/shared/edgex/set-command-fields";
import { describeSetValueIssue, validateSetValues } from "@/lib/shared/edgex/validate-set-values";
import { auditActorOf, type Principal } from "../auth/principal";
import { recordAuditEvent } from "../audit/record-audit-event";
import { ApiError, notFound } from "../http/api-error";
import type { RequestMeta } from "../http/request-meta";
import { identityOf } from "../k8s/kube-identity";
import { absentService, callEdgex, clusterFailure } from "@/lib/shared/edgex/call-edgex";
import { serviceFor, type EdgexContext } from "@/lib/shared/edgex/edgex-context";
import { edgexPath } from "@/lib/shared/edgex/edgex-transport";
import { kubeProxyTransport } from "./kube-proxy-transport";
import { openEdgexContext } from "./open-edgex-context";
import { readEdgexDevice, readEdgexProfile } from "./read-edgex-device";

type Values = Record<string, string | number | boolean>;

/** Reads the device's profile and checks the values against it; throws 404/422 for bad input. */
async function checkAgainstProfile(ctx: EdgexContext, device: string, command: string, values: Values): Promise<{ body: Record<string, string> } | { failure: TEdgexFailure }> {
  const dev = await readEdgexDevice(ctx, device);
  if (dev.failure?.reason === "not_found") throw notFound("EdgeX device");
  if (!dev.device) return { failure: dev.failure };
  if (!dev.device.profileName) throw new ApiError("validation_failed", `Device ${device} has no profile`, { fields: { command: "the device has no profile" } });
  const prof = await readEdgexProfile(ctx, dev.device.profileName);
  if (!prof.profile) return { failure: prof.failure };
  const fields = setCommandFields(prof.profile, command);
  if (!fields) throw new ApiError("validation_failed", `${command} is not a set command of profile ${prof.profile.name}`, { fields: { command: "is not a set command of the device's profile" } });
  const checked = validateSetValues(fields, values);
  if (!checked.ok) {
    const messages = Object.fromEntries(Object.entries(checked.issues).map(([k, issue]) => [`values.${k}`, describeSetValueIssue(issue)]));
    throw new ApiError("validation_failed", `Invalid request: ${Object.entries(messages).map(([k, v]) => `${k}: ${v}`).join("; ")}`, { fields: messages });
  }
  return { body: checked.body };
}

/**
 * `PUT …/edgex/devices/{device}/commands/{command}`: validates the values against the
 * device profile (types, ranges, writable resources only; 422 otherwise), sends them to
 * core-command as the signed-in user (impersonated, so the cluster's audit names them) and
 * records `edgex.command.set` with device, command and values, success or failure. An
 * EdgeX refusal or outage is returned as `failure`, not thrown.
 */
export async function runEdgexSetCommand(principal: Principal, meta: RequestMeta, clusterId: string, device: string, command: string, values: Values): Promise<TEdgexSetResult> {
  const opened = await openEdgexContext(clusterId);
  const audit = (sent: Record<string, string>, failure: TEdgexFailure | null) =>
    recordAuditEvent({
      actor: auditActorOf(principal),
      action: "edgex.command.set",
      outcome: failure ? "failure" : "success",
      target: { type: "cluster", id: opened.cluster.id, name: opened.cluster.name },
      ip: meta.ip,
      requestId: meta.requestId,
      details: { device, command, values: sent, ...(failure ? { reason: failure.reason, status: failure.status } : {}) },
    });
  const unsent = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
  const done = async (sent: Record<string, string>, failure: TEdgexFailure | null): Promise<TEdgexSetResult> => {
    await audit(sent, failure);
    return { ok: !failure, device, command, values: sent, failure };
  };
  if (!opened.ctx) return done(unsent, clusterFailure(opened.error));
  const checked = await checkAgainstProfile(opened.ctx, device, command, values);
  if ("failure" in checked) return done(unsent, checked.failure);
  const service = serviceFor(opened.ctx, "core-command");
  if (!service) return done(checked.body, absentService("core-command"));
  const transport = kubeProxyTransport(clusterId, identityOf(principal));
  const res = await callEdgex(transport, service, { method: "PUT", path: edgexPath("device", "name", device, command), body: checked.body, timeoutMs: opened.ctx.timeoutMs }, ZEdgexBaseResponseSchema, "not_found");
  return done(checked.body, res.ok ? null : res.failure);
}
