import type { TKubeEdgeDevice, TKubeEdgeDeviceModel, TKubeEdgeDeviceView, TKubeEdgeModelView, TKubeEdgeTwin } from "./kubeedge.schema";
import { twinState } from "./twin-drift";

/** A v1alpha2 model property's type is an object keyed by the type (`{ float: {…} }`). */
function typeName(type: unknown): string | null {
  if (typeof type === "string") return type;
  if (type && typeof type === "object") return Object.keys(type)[0] ?? null;
  return null;
}

function isoOfStamp(stamp: string | undefined): string | null {
  if (!stamp) return null;
  // KubeEdge stamps twins with milliseconds since the epoch (as a string).
  const n = /^\d+$/.test(stamp) ? Number(stamp) : Date.parse(stamp);
  return Number.isFinite(n) ? new Date(n).toISOString() : null;
}

function nodeOf(device: TKubeEdgeDevice): string | null {
  if (device.spec?.nodeName) return device.spec.nodeName;
  const expr = device.spec?.nodeSelector?.nodeSelectorTerms?.[0]?.matchExpressions?.[0];
  return expr?.values?.[0] ?? null;
}

/** The model's properties, shortened for the table. */
export function toModelView(model: TKubeEdgeDeviceModel): TKubeEdgeModelView {
  return {
    namespace: model.metadata.namespace ?? "",
    name: model.metadata.name,
    protocol: model.spec?.protocol ?? null,
    properties: (model.spec?.properties ?? []).map((p) => ({ name: p.name, type: typeName(p.type), accessMode: p.accessMode ?? null, unit: p.unit ?? null })),
  };
}

/**
 * A Device with its twins as desired vs reported, in either API version: v1beta1 keeps
 * desired values in `spec.properties[].desired` and reported ones in `status.twins`;
 * v1alpha2 keeps both in `status.twins`. Properties desired but never reported appear too.
 */
export function toDeviceView(device: TKubeEdgeDevice, models: ReadonlyMap<string, TKubeEdgeModelView>): TKubeEdgeDeviceView {
  const modelName = device.spec?.deviceModelRef?.name ?? null;
  const model = modelName ? models.get(`${device.metadata.namespace ?? ""}/${modelName}`) : undefined;
  const typeOf = (property: string) => model?.properties.find((p) => p.name === property)?.type ?? null;
  const specDesired = new Map((device.spec?.properties ?? []).map((p) => [p.name, p.desired]));
  const names = [...new Set([...(device.status?.twins ?? []).map((t) => t.propertyName), ...specDesired.keys()])];
  const twins: TKubeEdgeTwin[] = names.map((property) => {
    const twin = device.status?.twins?.find((t) => t.propertyName === property);
    const desiredValue = specDesired.get(property) ?? twin?.desired;
    const desired = desiredValue?.value ?? null;
    const reported = twin?.reported?.value ?? null;
    const type = typeOf(property) ?? desiredValue?.metadata?.type ?? twin?.reported?.metadata?.type ?? null;
    return { property, type, desired, reported, reportedAt: isoOfStamp(twin?.reported?.metadata?.timestamp), state: twinState(desired, reported, type) };
  });
  const protocol = device.spec?.protocol;
  return {
    namespace: device.metadata.namespace ?? "",
    name: device.metadata.name,
    model: modelName,
    node: nodeOf(device),
    protocol: typeof protocol?.protocolName === "string" ? protocol.protocolName : protocol ? (Object.keys(protocol)[0] ?? null) : null,
    state: device.status?.state ?? null,
    lastOnlineTime: device.status?.lastOnlineTime ?? null,
    twins,
    driftCount: twins.filter((t) => t.state === "drift").length,
  };
}
