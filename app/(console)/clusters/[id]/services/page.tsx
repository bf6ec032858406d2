import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ResourceListPage } from "@/components/explorer/resource-list-page";

export async function generateMetadata() {
  const t = await getTranslations("explorer.resources");
  return { title: t("services") };
}

// The services tab of a cluster: a live kubectl-style list (filters in the query string).
export default async function ServicesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <ResourceListPage clusterId={id} resource="services" />
    </Suspense>
  );
}
