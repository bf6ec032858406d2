import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { FleetTabs } from "@/components/fleet/fleet-tabs";
import { FleetInventory } from "@/components/inventory/fleet-inventory";
import { PageHeader } from "@/components/shell/page-header";

export async function generateMetadata() {
  const t = await getTranslations("inventory");
  return { title: t("title") };
}

/** /fleet/inventory — node hardware across every cluster (collector snapshots), filterable, as CSV. */
export default async function FleetInventoryPage() {
  const t = await getTranslations("inventory");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <FleetTabs />
      <Suspense>
        <FleetInventory />
      </Suspense>
    </>
  );
}
