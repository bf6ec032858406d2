import "server-only";
import { resourcePath, type TExplorerResource } from "@/lib/shared/explorer/resources";
import type { TKubeObject } from "@/lib/shared/explorer/explorer.schema";
import { kubeJson } from "./kube-request";
import type { KubeIdentity } from "./kube-identity";

/** Reads one object (namespace ignored for cluster-scoped resources). */
export async function getKubeObject(clusterId: string, identity: KubeIdentity, resource: TExplorerResource, namespace: string | undefined, name: string): Promise<TKubeObject> {
  return kubeJson<TKubeObject>(clusterId, identity, { path: resourcePath(resource, { namespace, name }) });
}
