import "server-only";
import { kubeJson } from "./kube-request";
import type { KubeIdentity } from "./kube-identity";

export interface KubeVersion {
  gitVersion: string;
  platform?: string;
}

/** The apiserver's `/version` (`v1.31.4+k3s1`). */
export async function getKubeVersion(clusterId: string, identity: KubeIdentity, opts: { timeoutMs?: number; reserved?: boolean } = {}): Promise<KubeVersion> {
  return kubeJson<KubeVersion>(clusterId, identity, { path: "/version", ...opts });
}
