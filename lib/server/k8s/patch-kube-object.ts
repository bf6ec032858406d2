import "server-only";
import { resourcePath, type TExplorerResource } from "@/lib/shared/explorer/resources";
import type { TKubeObject } from "@/lib/shared/explorer/explorer.schema";
import { kubeJson } from "./kube-request";
import type { KubeIdentity } from "./kube-identity";

const CONTENT_TYPE = {
  merge: "application/merge-patch+json",
  strategic: "application/strategic-merge-patch+json",
} as const;

/** Patches one object (JSON merge or strategic merge patch); returns the updated object. */
export async function patchKubeObject(
  clusterId: string,
  identity: KubeIdentity,
  resource: TExplorerResource,
  at: { namespace?: string; name: string; subresource?: "scale" | "status" },
  patch: unknown,
  type: keyof typeof CONTENT_TYPE = "merge",
): Promise<TKubeObject> {
  return kubeJson<TKubeObject>(clusterId, identity, {
    method: "PATCH",
    path: resourcePath(resource, at),
    body: patch,
    contentType: CONTENT_TYPE[type],
  });
}
