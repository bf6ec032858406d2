import "server-only";
import type { TDeleteObjectResult, TPropagationPolicy } from "@/lib/shared/object-delete/object-delete.schema";
import type { TResourceObjectParams } from "@/lib/shared/resources/resources.schema";
import { apiVersionOf, kubeApiPath } from "@/lib/shared/resources/resource-path";
import type { Principal } from "../auth/principal";
import { ApiError } from "../http/api-error";
import type { RequestMeta } from "../http/request-meta";
import { identityOf } from "../k8s/kube-identity";
import { kubeJson } from "../k8s/kube-request";
import { runAuditedKubeAction } from "../explorer/run-audited-kube-action";
import { findApiResource } from "./find-api-resource";

/**
 * Deletes one object of any discovered resource as the user, with DeleteOptions
 * `propagationPolicy` when given (`kubectl delete --cascade=…`). A resource without the
 * `delete` verb is 405 before reaching the cluster. The answer says whether the object is
 * already gone or still terminating (finalizers, Foreground, Orphan). Audited as
 * `k8s.object.delete` with the kind, apiVersion, namespace, name and policy.
 */
export async function deleteResourceObject(principal: Principal, meta: RequestMeta, params: TResourceObjectParams, policy: TPropagationPolicy | undefined): Promise<TDeleteObjectResult> {
  const resource = await findApiResource(params.id, params);
  if (!resource.verbs.includes("delete")) throw new ApiError("method_not_allowed", `${resource.resource} in ${apiVersionOf(resource)} cannot be deleted`);
  const namespace = resource.namespaced ? params.object.namespace : undefined;
  if (resource.namespaced && !namespace) throw new ApiError("bad_request", `${resource.resource} are namespaced: name the object as {namespace}/{name}`);
  const { name } = params.object;
  const details = { apiVersion: apiVersionOf(resource), kind: resource.kind, namespace, name, ...(policy ? { propagationPolicy: policy } : {}) };
  const answer = await runAuditedKubeAction(principal, meta, params.id, "k8s.object.delete", details, () =>
    kubeJson<{ kind?: string; metadata?: { deletionTimestamp?: string } }>(params.id, identityOf(principal), {
      method: "DELETE",
      path: kubeApiPath(resource, { namespace, name }),
      body: { kind: "DeleteOptions", apiVersion: "v1", ...(policy ? { propagationPolicy: policy } : {}) },
    }),
  );
  return { deleted: true, terminating: answer?.kind !== "Status" && Boolean(answer?.metadata?.deletionTimestamp) };
}
