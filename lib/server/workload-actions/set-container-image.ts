import "server-only";
import type { TSetImageBody, TSetImageResource } from "@/lib/shared/workload-actions/workload-actions.schema";
import type { Principal } from "../auth/principal";
import { ApiError } from "../http/api-error";
import type { RequestMeta } from "../http/request-meta";
import { identityOf } from "../k8s/kube-identity";
import { kubeJson } from "../k8s/kube-request";
import { runAuditedKubeAction } from "../explorer/run-audited-kube-action";

const API: Readonly<Record<TSetImageResource, { group: string; kind: string }>> = {
  deployments: { group: "apps/v1", kind: "deployment" },
  statefulsets: { group: "apps/v1", kind: "statefulset" },
  daemonsets: { group: "apps/v1", kind: "daemonset" },
  cronjobs: { group: "batch/v1", kind: "cronjob" },
};

type PodSpec = { containers?: Array<{ name: string; image?: string }>; initContainers?: Array<{ name: string; image?: string }> };

/** Where the pod template sits: spec.template, or spec.jobTemplate.spec.template for a CronJob. */
function wrap(resource: TSetImageResource, podSpec: unknown): unknown {
  const template = { spec: { template: { spec: podSpec } } };
  return resource === "cronjobs" ? { spec: { jobTemplate: template } } : template;
}

/**
 * `kubectl set image <kind>/<name> <container>=<image>`: a strategic-merge patch of the one
 * container (merged by name, init containers too), as the user. An unknown container is
 * 404 with kubectl's words; the same image again is 409 (nothing would roll out). Audited
 * as `k8s.<kind>.set-image` with the old and the new image.
 */
export async function setContainerImage(principal: Principal, meta: RequestMeta, clusterId: string, resource: TSetImageResource, namespace: string, name: string, body: TSetImageBody): Promise<{ container: string; image: string; previous: string }> {
  const identity = identityOf(principal);
  const { group, kind } = API[resource];
  const path = `/apis/${group}/namespaces/${encodeURIComponent(namespace)}/${resource}/${encodeURIComponent(name)}`;
  let previous = "";
  await runAuditedKubeAction(principal, meta, clusterId, `k8s.${kind}.set-image`, { namespace, name, container: body.container, image: body.image }, async () => {
    const live = await kubeJson<{ spec?: { template?: { spec?: PodSpec }; jobTemplate?: { spec?: { template?: { spec?: PodSpec } } } } }>(clusterId, identity, { path });
    const podSpec = resource === "cronjobs" ? live.spec?.jobTemplate?.spec?.template?.spec : live.spec?.template?.spec;
    const init = podSpec?.initContainers?.find((c) => c.name === body.container);
    const main = podSpec?.containers?.find((c) => c.name === body.container);
    const container = main ?? init;
    if (!container) throw new ApiError("not_found", `unable to find container named "${body.container}" in ${kind} "${name}"`);
    previous = container.image ?? "";
    if (previous === body.image) throw new ApiError("conflict", `container "${body.container}" of ${kind} "${name}" already runs ${body.image}`);
    const list = main ? "containers" : "initContainers";
    await kubeJson(clusterId, identity, { method: "PATCH", path, contentType: "application/strategic-merge-patch+json", body: wrap(resource, { [list]: [{ name: body.container, image: body.image }] }) });
  });
  return { container: body.container, image: body.image, previous };
}
