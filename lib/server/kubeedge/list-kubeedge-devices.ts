import "server-only";
import type { z } from "zod";
import { toDeviceView, toModelView } from "@/lib/shared/kubeedge/device-view";
import { ZKubeEdgeDeviceModelSchema, ZKubeEdgeDeviceSchema, type TKubeEdgeDeviceView, type TKubeEdgeModelView } from "@/lib/shared/kubeedge/kubeedge.schema";
import type { KubeIdentity } from "../k8s/kube-identity";
import { kubeJson } from "../k8s/kube-request";
import { DEVICES_GROUP } from "./detect-device-api";

/** Items that fit the schema; a hand-edited object missing a field is skipped, not fatal. */
function parseItems<S extends z.ZodType>(schema: S, items: unknown[] | undefined): Array<z.infer<S>> {
  return (items ?? []).flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data as z.infer<S>] : [];
  });
}

/**
 * Devices and DeviceModels of every namespace at `version`, devices with their twins as
 * desired vs reported and drift computed. Throws KubeError when the cluster refuses.
 */
export async function listKubeEdgeDevices(clusterId: string, identity: KubeIdentity, version: string): Promise<{ devices: TKubeEdgeDeviceView[]; models: TKubeEdgeModelView[] }> {
  const base = `/apis/${DEVICES_GROUP}/${version}`;
  const [devices, models] = await Promise.all([
    kubeJson<{ items?: unknown[] }>(clusterId, identity, { path: `${base}/devices` }),
    kubeJson<{ items?: unknown[] }>(clusterId, identity, { path: `${base}/devicemodels` }),
  ]);
  const modelViews = parseItems(ZKubeEdgeDeviceModelSchema, models.items).map(toModelView);
  const byKey = new Map(modelViews.map((m) => [`${m.namespace}/${m.name}`, m]));
  const deviceViews = parseItems(ZKubeEdgeDeviceSchema, devices.items).map((d) => toDeviceView(d, byKey));
  const order = (a: { namespace: string; name: string }, b: { namespace: string; name: string }) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);
  return { devices: deviceViews.sort(order), models: modelViews.sort(order) };
}
