import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { FleetDashboard } from "@/components/fleet/fleet-dashboard";
import { FleetTabs } from "@/components/fleet/fleet-tabs";
import { parseFleetView, toClustersQuery } from "@/components/fleet/fleet-view";
import { loadFleetConfig } from "@/lib/server/fleet/fleet-config";
import { getFleetSummary } from "@/lib/server/fleet/get-fleet-summary";
import { listFleetClusters } from "@/lib/server/fleet/list-fleet-clusters";
import { ZFleetClustersQuerySchema } from "@/lib/shared/fleet/fleet-query.schema";
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
    for (const key of ["group", "view", "focus"]) {
      const value = params[key];
      if (typeof value === "string") forward.set(key, value);
    }
    redirect(`/fleet/kiosk${forward.size ? `?${forward}` : ""}`);
  }
  const t = await getTranslations("fleet");
  // First view rendered on the server, straight from Postgres (never from the clusters).
  const search = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const query = ZFleetClustersQuerySchema.safeParse(toClustersQuery(parseFleetView(search)));
  const { intervalMs } = loadFleetConfig();
  const [summary, page] = await Promise.all([getFleetSummary(intervalMs), query.success ? listFleetClusters(query.data, intervalMs) : null]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <FleetTabs />
      <Suspense fallback={<LoadingState />}>
        <FleetDashboard initial={page ? { summary, page, search: search.toString() } : undefined} />
      </Suspense>
    </>
  );
}
