import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { FleetDashboard } from "@/components/fleet/fleet-dashboard";
import { FleetTabs } from "@/components/fleet/fleet-tabs";
import { PageHeader } from "@/components/shell/page-header";
import { LoadingState } from "@/components/ui/states";

export async function generateMetadata() {
  const t = await getTranslations("fleet");
  return { title: t("title") };
}

/** /fleet — the NOC overview. `?kiosk=1` opens the wall-screen view (outside the console shell). */
export default async function FleetPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  if (params.kiosk === "1") {
    const forward = new URLSearchParams();
    for (const key of ["group", "rotate"]) {
      const value = params[key];
      if (typeof value === "string") forward.set(key, value);
    }
    redirect(`/fleet/kiosk${forward.size ? `?${forward}` : ""}`);
  }
  const t = await getTranslations("fleet");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <FleetTabs />
      <Suspense fallback={<LoadingState />}>
        <FleetDashboard />
      </Suspense>
    </>
  );
}
