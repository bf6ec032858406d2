"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEdgexDevice } from "@/lib/client/edgex/use-edgex-device";
import { Badge, ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { EdgexCommandsTable } from "./edgex-commands-table";
import { EdgexReadingsPanel } from "./edgex-readings-panel";
import { FailureNote } from "./failure-note";
import { ProfileResourcesTable } from "./profile-resources-table";

/** One EdgeX device: its metadata, its profile's resources, its commands, and its live readings. */
export function EdgexDeviceDetail({ clusterId, device, canAct }: { clusterId: string; device: string; canAct: boolean }) {
  const t = useTranslations("edgex.device");
  const errorMessage = useErrorMessage();
  const detail = useEdgexDevice(clusterId, device);
  const d = detail.data;
  return (
    <div className="space-y-6">
      <Link href={`/clusters/${encodeURIComponent(clusterId)}/edgex?view=devices`} className="text-sm text-sky-400 hover:underline">
        {t("back")}
      </Link>
      <h2 className="font-mono text-xl text-white">{device}</h2>
      {detail.isPending ? <LoadingState /> : null}
      {detail.isError ? <ErrorState message={errorMessage(detail.error)} onRetry={() => void detail.refetch()} /> : null}
      {d?.failures.device ? <FailureNote failure={d.failures.device} testId="edgex-device-failure" /> : null}
      {d?.device ? (
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]" data-testid="edgex-device-info">
          <dt className="text-slate-400">{t("description")}</dt>
          <dd className="text-slate-200">{d.device.description ?? "—"}</dd>
          <dt className="text-slate-400">{t("profile")}</dt>
          <dd className="font-mono text-slate-200">{d.device.profileName ?? "—"}</dd>
          <dt className="text-slate-400">{t("service")}</dt>
          <dd className="font-mono text-slate-200">{d.device.serviceName ?? "—"}</dd>
          <dt className="text-slate-400">{t("states")}</dt>
          <dd className="flex gap-2">
            <Badge tone={d.device.adminState === "UNLOCKED" ? "green" : "amber"}>{d.device.adminState ?? "—"}</Badge>
            <Badge tone={d.device.operatingState === "UP" ? "green" : "amber"}>{d.device.operatingState ?? "—"}</Badge>
          </dd>
          <dt className="text-slate-400">{t("labels")}</dt>
          <dd className="flex flex-wrap gap-1">
            {d.device.labels.map((l) => (
              <Badge key={l}>{l}</Badge>
            ))}
          </dd>
          <dt className="text-slate-400">{t("autoEvents")}</dt>
          <dd className="font-mono text-xs text-slate-300">{d.device.autoEvents.map((a) => `${a.sourceName ?? "?"} / ${a.interval ?? "?"}`).join(", ") || "—"}</dd>
        </dl>
      ) : null}
      {d?.device ? (
        <>
          <section className="space-y-2">
            <h3 className="text-sm font-semibold text-slate-200">{t("commands")}</h3>
            {d.failures.commands ? <FailureNote failure={d.failures.commands} /> : null}
            {d.commands ? <EdgexCommandsTable clusterId={clusterId} device={device} commands={d.commands} profile={d.profile} canAct={canAct} /> : null}
          </section>
          <section className="space-y-2">
            <h3 className="text-sm font-semibold text-slate-200">{t("resources")}</h3>
            {d.failures.profile ? <FailureNote failure={d.failures.profile} /> : null}
            {d.profile ? <ProfileResourcesTable profile={d.profile} /> : null}
          </section>
          <section className="space-y-2">
            <h3 className="text-sm font-semibold text-slate-200">{t("readings")}</h3>
            <EdgexReadingsPanel clusterId={clusterId} device={device} limit={100} />
          </section>
        </>
      ) : null}
    </div>
  );
}
