"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEdgexOverview } from "@/lib/client/edgex/use-edgex-overview";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { useClusterErrorMessage } from "@/components/explorer/use-cluster-error-message";
import { EdgexDeviceServicesTable } from "./edgex-device-services-table";
import { EdgexDevicesTable } from "./edgex-devices-table";
import { EdgexProfilesTable } from "./edgex-profiles-table";
import { EdgexReadingsPanel } from "./edgex-readings-panel";
import { EdgexServicesTable } from "./edgex-services-table";
import { EdgexSummary } from "./edgex-summary";

const VIEWS = ["services", "devices", "profiles", "deviceServices", "readings"] as const;
type View = (typeof VIEWS)[number];

/**
 * A cluster's EdgeX page: the summary, then one section at a time (`?view=`): services
 * (health, versions, config), devices, profiles, device services, live readings. Every part
 * shows its own failure; the rest of the page keeps working.
 */
export function EdgexPage({ clusterId }: { clusterId: string }) {
  const t = useTranslations("edgex");
  const pathname = usePathname();
  const params = useSearchParams();
  const view: View = (VIEWS as readonly string[]).includes(params.get("view") ?? "") ? (params.get("view") as View) : "services";
  const overview = useEdgexOverview(clusterId);
  const errorMessage = useErrorMessage();
  const clusterErrorMessage = useClusterErrorMessage();
  const data = overview.data;

  if (overview.isPending) return <LoadingState />;
  if (overview.isError) return <ErrorState message={errorMessage(overview.error)} onRetry={() => void overview.refetch()} />;
  if (data?.error) return <ErrorState message={clusterErrorMessage(data.error)} onRetry={() => void overview.refetch()} />;
  if (data && !data.detected) {
    return <EmptyState title={t("notDetected")}>{t("notDetectedHint")}</EmptyState>;
  }
  return (
    <div className="space-y-6">
      {data ? <EdgexSummary overview={data} /> : null}
      <nav aria-label={t("sectionsLabel")} className="flex flex-wrap gap-1 border-b border-slate-800">
        {VIEWS.map((v) => (
          <Link
            key={v}
            href={`${pathname}?view=${v}`}
            scroll={false}
            aria-current={v === view ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${v === view ? "border-sky-400 text-white" : "border-transparent text-slate-400 hover:text-white"}`}
          >
            {t(`sections.${v}`)}
          </Link>
        ))}
      </nav>
      {view === "services" && data ? <EdgexServicesTable clusterId={clusterId} services={data.services} /> : null}
      {view === "devices" ? <EdgexDevicesTable clusterId={clusterId} /> : null}
      {view === "profiles" ? <EdgexProfilesTable clusterId={clusterId} /> : null}
      {view === "deviceServices" ? <EdgexDeviceServicesTable clusterId={clusterId} /> : null}
      {view === "readings" ? <EdgexReadingsPanel clusterId={clusterId} /> : null}
    </div>
  );
}
