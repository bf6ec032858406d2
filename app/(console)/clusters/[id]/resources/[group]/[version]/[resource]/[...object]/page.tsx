import { ResourceObjectView } from "@/components/resources/resource-object-view";
import { requireClusterPagePrincipal } from "@/lib/server/auth/get-page-principal";
import { can } from "@/lib/shared/permissions";
import { CORE_GROUP_SEGMENT } from "@/lib/shared/resources/resources.schema";

type Params = { id: string; group: string; version: string; resource: string; object: string[] };

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  return { title: decodeURIComponent((await params).object.at(-1) ?? "") };
}

// Any object of any resource: metadata, owners, children, conditions, events, YAML.
// The path ends in {namespace}/{name}, or {name} for a cluster-scoped resource.
export default async function ResourceObjectPage({ params }: { params: Promise<Params> }) {
  const { id, group, version, resource, object } = await params;
  const principal = await requireClusterPagePrincipal(id);
  const ref = { group: group === CORE_GROUP_SEGMENT ? "" : decodeURIComponent(group), version: decodeURIComponent(version), resource: decodeURIComponent(resource) };
  const [first, second] = object.map(decodeURIComponent);
  const namespace = second === undefined ? "" : (first ?? "");
  const name = second ?? first ?? "";
  return <ResourceObjectView clusterId={id} resourceRef={ref} namespace={namespace} name={name} canAct={can(principal.role, "clusters:act")} />;
}
