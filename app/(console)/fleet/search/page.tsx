import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { FleetSearch } from "@/components/fleet/fleet-search";
import { FleetTabs } from "@/components/fleet/fleet-tabs";
import { PageHeader } from "@/components/shell/page-header";

export async function generateMetadata() {
  const t = await getTranslations("fleet.searchPage");
  return { title: t("title") };
}

/** /fleet/search — pods, nodes, deployments and EdgeX devices across every cluster. */
export default async function FleetSearchPage() {
  const t = await getTranslations("fleet");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <FleetTabs />
      <Suspense>
        <FleetSearch />
      </Suspense>
    </>
  );
}
