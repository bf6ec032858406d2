"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatReading } from "@/lib/shared/edgex/format-reading";
import { useMemo } from "react";
import { useEdgexEvents, useEdgexReadings } from "@/lib/client/edgex/use-edgex-latest";
import { numericSeries } from "@/lib/shared/edgex/reading-values";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/time";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { FailureNote } from "./failure-note";
import { Sparkline } from "@/components/ui/sparkline";

/** Charts shown at most: one per numeric (device, resource); beyond that the table has it all. */
const MAX_CHARTS = 12;

/**
 * Live readings and events from core-data (polled every 5 s while shown): a sparkline per
 * numeric resource, the newest readings, and the newest events. `device` narrows to one.
 */
export function EdgexReadingsPanel({ clusterId, device, limit = 50 }: { clusterId: string; device?: string; limit?: number }) {
  const t = useTranslations("edgex.readings");
  const errorMessage = useErrorMessage();
  const locale = useLocale();
  const readings = useEdgexReadings(clusterId, device, limit);
  const events = useEdgexEvents(clusterId, device, 10);
  const series = useMemo(() => numericSeries(readings.data?.items ?? []).slice(0, MAX_CHARTS), [readings.data]);
  const items = readings.data?.items ?? [];
  return (
    <section className="space-y-4" aria-label={t("title")} data-testid="edgex-readings">
      <p className="text-xs text-slate-500">{t("live")}</p>
      {readings.isPending ? <LoadingState /> : null}
      {readings.isError ? <ErrorState message={errorMessage(readings.error)} onRetry={() => void readings.refetch()} /> : null}
      {readings.data?.failure ? <FailureNote failure={readings.data.failure} testId="edgex-readings-failure" /> : null}
      {series.length > 0 ? (
        <div className="flex flex-wrap gap-6">
          {series.map((s) => (
            <Sparkline key={`${s.deviceName}/${s.resourceName}`} points={s.points} label={device ? s.resourceName : `${s.deviceName} · ${s.resourceName}`} units={s.units} />
          ))}
        </div>
      ) : null}
      {readings.data && !readings.data.failure && items.length === 0 ? <EmptyState title={t("empty")} /> : null}
      {items.length > 0 ? (
        <div className="max-h-96 overflow-auto rounded-lg border border-slate-800">
          <table className="w-full text-left text-sm" aria-label={t("title")}>
            <thead className="sticky top-0 bg-slate-900 text-xs uppercase tracking-wide text-slate-400">
              <tr>
                <th scope="col" className="px-3 py-2">{t("time")}</th>
                {device ? null : <th scope="col" className="px-3 py-2">{t("device")}</th>}
                <th scope="col" className="px-3 py-2">{t("resource")}</th>
                <th scope="col" className="px-3 py-2">{t("value")}</th>
                <th scope="col" className="px-3 py-2">{t("type")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-800" data-testid="edgex-readings-rows">
              {items.map((r, i) => (
                <tr key={r.id ?? `${r.at}-${i}`} data-testid="edgex-reading-row" data-at={r.at}>
                  <td className="px-3 py-1.5 text-slate-300"><RelativeTime value={r.at} updateMs={5_000} /></td>
                  {device ? null : <td className="px-3 py-1.5 font-mono text-slate-300">{r.deviceName}</td>}
                  <td className="px-3 py-1.5 font-mono text-slate-300">{r.resourceName}</td>
                  <td className="max-w-xs truncate px-3 py-1.5 font-mono text-slate-100 tabular-nums" title={r.value ?? undefined}>
                    {[formatReading(r.value, r.valueType, locale), r.units].filter(Boolean).join(" ")}
                  </td>
                  <td className="px-3 py-1.5 font-mono text-xs text-slate-500">{r.valueType}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h3 className="text-sm font-semibold text-slate-200">{t("events")}</h3>
      {events.data?.failure ? <FailureNote failure={events.data.failure} /> : null}
      {events.data && events.data.items.length > 0 ? (
        <ul className="space-y-1 text-sm" data-testid="edgex-events">
          {events.data.items.map((e, i) => (
            <li key={e.id ?? `${e.at}-${i}`} className="flex flex-wrap gap-x-3 rounded border border-slate-800 px-3 py-1.5">
              <span className="text-slate-400"><RelativeTime value={e.at} updateMs={5_000} /></span>
              <span className="font-mono text-slate-200">{e.deviceName}</span>
              <span className="font-mono text-slate-400">{e.sourceName ?? "—"}</span>
              <span className="font-mono text-xs text-slate-300">{e.readings.map((r) => `${r.resourceName} ${formatReading(r.value, r.valueType, locale)}${r.units ? ` ${r.units}` : ""}`).join(" · ")}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {events.data && !events.data.failure && events.data.items.length === 0 ? <p className="text-sm text-slate-500">{t("noEvents")}</p> : null}
    </section>
  );
}
