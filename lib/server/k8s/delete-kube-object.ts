import "server-only";
import { resourcePath, type TExplorerResource } from "@/lib/shared/explorer/resources";
import { kubeJson } from "./kube-request";
import type { KubeIdentity } from "./kube-identity";

/** Deletes one object (graceful: the cluster applies the object's grace period). */
export async function deleteKubeObject(clusterId: string, identity: KubeIdentity, resource: TExplorerResource, namespace: string | undefined, name: string): Promise<void> {
  await kubeJson<unknown>(clusterId, identity, { method: "DELETE", path: resourcePath(resource, { namespace, name }) });
}
