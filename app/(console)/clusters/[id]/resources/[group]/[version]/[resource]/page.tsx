import { Suspense } from "react";
import { ResourceListView } from "@/components/resources/resource-list-view";
import { requirePagePrincipal } from "@/lib/server/auth/get-page-principal";
import { readFirstTablePage } from "@/lib/server/resources/read-first-table-page";
import { CORE_GROUP_SEGMENT, ZResourceListQuerySchema, ZResourceParamsSchema } from "@/lib/shared/resources/resources.schema";

type Params = { id: string; group: string; version: string; resource: string };
type Search = Record<string, string | string[] | undefined>;

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  return { title: decodeURIComponent((await params).resource) };
}

const one = (v: string | string[] | undefined): string => (typeof v === "string" ? v : "");

// Any resource's list as kubectl prints it (the apiserver's Table); no per-kind page needed.
// Its first page is read during the render, so the first rows come with the HTML.
export default async function ResourceListPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  const { id, group, version, resource } = await params;
  const search = await searchParams;
  const ref = { group: group === CORE_GROUP_SEGMENT ? "" : decodeURIComponent(group), version: decodeURIComponent(version), resource: decodeURIComponent(resource) };
  const view = { namespace: one(search.ns), labelSelector: one(search.l), fieldSelector: one(search.f) };
  const valid = ZResourceParamsSchema.safeParse({ id, group: decodeURIComponent(group), version: ref.version, resource: ref.resource }).success && ZResourceListQuerySchema.safeParse(view).success;
  const initialPage = valid ? await readFirstTablePage(await requirePagePrincipal(), id, ref, view) : null;
  return (
    <Suspense>
      <ResourceListView key={`${ref.group}/${ref.version}/${ref.resource}`} clusterId={id} resourceRef={ref} initialPage={initialPage} />
    </Suspense>
  );
}
