import "server-only";
import { stringify } from "yaml";
import { redactSecretData, slimMetadata } from "@/lib/shared/explorer/slim-object";
import type { TResourceDetail, TResourceObjectParams } from "@/lib/shared/resources/resources.schema";
import { kubeApiPath } from "@/lib/shared/resources/resource-path";
import type { Principal } from "../auth/principal";
import { getClusterOrThrow } from "../clusters/get-cluster-or-throw";
import { toClusterRef } from "../explorer/to-cluster-ref";
import { KubeError } from "../k8s/kube-error";
import { identityOf } from "../k8s/kube-identity";
import { kubeJson } from "../k8s/kube-request";
import { listKubeTable } from "../k8s/list-kube-table";
import { findApiResource, getApiResourcesOrEmpty } from "./find-api-resource";
import { listObjectRelations } from "./list-object-relations";

type Json = Record<string, unknown>;

/** As `kubectl get -o yaml` minus managedFields; a Secret's values (and kubectl's last-applied copy of them) blanked. */
function forDisplay(obj: Json): Json {
  const metadata = obj.metadata as Json | undefined;
  const isSecret = obj.kind === "Secret" && (obj.apiVersion === "v1" || obj.apiVersion === undefined);
  const out: Json = { ...obj, metadata: isSecret ? slimMetadata(metadata) : metadata && Object.fromEntries(Object.entries(metadata).filter(([k]) => k !== "managedFields")) };
  return isSecret ? redactSecretData(out) : out;
}

/**
 * One object of any resource, read as the user: the object and its YAML, the events that
 * involve it (the events Table, by involvedObject.uid), its owner chain, children and
 * related objects. The cluster's refusal or absence comes back as `error`.
 */
export async function getResourceObject(principal: Principal, params: TResourceObjectParams): Promise<TResourceDetail> {
  const cluster = await getClusterOrThrow(params.id);
  const resource = await findApiResource(params.id, params);
  const identity = identityOf(principal);
  const { namespace, name } = params.object;
  const base = { cluster: toClusterRef(cluster), resource };
  try {
    const raw = await kubeJson<Json>(params.id, identity, { path: kubeApiPath(resource, { namespace: resource.namespaced ? namespace : undefined, name }) });
    const object = forDisplay(raw);
    const uid = (raw.metadata as { uid?: string } | undefined)?.uid;
    const eventsResource = (await getApiResourcesOrEmpty(params.id)).find((r) => r.group === "" && r.resource === "events");
    const [events, relations] = await Promise.all([
      eventsResource && uid
        ? listKubeTable(params.id, identity, kubeApiPath(eventsResource, { namespace: resource.namespaced ? namespace : undefined }), { fieldSelector: `involvedObject.uid=${uid}` }).catch(() => null)
        : Promise.resolve(null),
      listObjectRelations(params.id, identity, raw),
    ]);
    return { ...base, object, yaml: stringify(object, { lineWidth: 0 }), events, ...relations, error: null };
  } catch (error) {
    if (!(error instanceof KubeError)) throw error;
    return { ...base, object: null, yaml: null, events: null, owners: [], children: [], related: [], error: error.toData() };
  }
}
