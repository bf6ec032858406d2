import { Suspense } from "react";
import { ResourceListView } from "@/components/resources/resource-list-view";
import { CORE_GROUP_SEGMENT } from "@/lib/shared/resources/resources.schema";

type Params = { id: string; group: string; version: string; resource: string };

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  return { title: decodeURIComponent((await params).resource) };
}

// Any resource's list as kubectl prints it (the apiserver's Table); no per-kind page needed.
export default async function ResourceListPage({ params }: { params: Promise<Params> }) {
  const { id, group, version, resource } = await params;
  const ref = { group: group === CORE_GROUP_SEGMENT ? "" : decodeURIComponent(group), version: decodeURIComponent(version), resource: decodeURIComponent(resource) };
  return (
    <Suspense>
      <ResourceListView key={`${ref.group}/${ref.version}/${ref.resource}`} clusterId={id} resourceRef={ref} />
    </Suspense>
  );
}
