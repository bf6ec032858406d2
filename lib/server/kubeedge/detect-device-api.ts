import "server-only";
import { KubeError } from "../k8s/kube-error";
import type { KubeIdentity } from "../k8s/kube-identity";
import { kubeJson } from "../k8s/kube-request";

export const DEVICES_GROUP = "devices.kubeedge.io";
/** The versions the console reads, best first (v1beta1 since KubeEdge 1.15, v1alpha2 before). */
const SUPPORTED = ["v1beta1", "v1alpha2"];

/**
 * The devices.kubeedge.io version to read, from the API group's discovery document; null
 * when the group is not served (KubeEdge's device CRDs are not installed).
 */
export async function detectDeviceApiVersion(clusterId: string, identity: KubeIdentity): Promise<string | null> {
  try {
    const group = await kubeJson<{ versions?: Array<{ version: string }>; preferredVersion?: { version: string } }>(clusterId, identity, { path: `/apis/${DEVICES_GROUP}` });
    const served = (group.versions ?? []).map((v) => v.version);
    return SUPPORTED.find((v) => served.includes(v)) ?? group.preferredVersion?.version ?? null;
  } catch (error) {
    if (error instanceof KubeError && error.kubeStatus === 404) return null;
    throw error;
  }
}
