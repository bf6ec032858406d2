"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { TEdgexOverview } from "@/lib/shared/edgex/edgex-api.schema";
import { RelativeTime } from "@/components/ui/time";
import { Badge } from "@/components/ui/states";
import { FailureNote } from "./failure-note";

function Card({ label, children, testId }: { label: string; children: React.ReactNode; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-800 bg-slate-900/60 p-4" data-testid={testId}>
      <p className="text-xs uppercase tracking-wide text-slate-400">{label}</p>
      <div className="mt-1 text-xl font-semibold text-white">{children}</div>
    </div>
  );
}

/** The per-cluster EdgeX summary: release, services up/total, devices up/total, age of the newest reading. */
export function EdgexSummary({ overview }: { overview: TEdgexOverview }) {
  const t = useTranslations("edgex.summary");
  const format = useFormatter();
  const s = overview.summary;
  if (!s) return null;
  const ratio = (up: number, total: number) => t("ratio", { up: format.number(up), total: format.number(total) });
  const release = overview.release;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-300">
        <span>{t("release")}</span>
        <span data-testid="edgex-release">
          {release ? (
            <Badge tone="sky">{release.codename ? t("releaseNamed", { version: release.version, codename: release.codename, line: release.line }) : t("releaseValue", { version: release.version, line: release.line })}</Badge>
          ) : (
            <Badge>{t("releaseUnknown")}</Badge>
          )}
        </span>
        <span className="text-xs text-slate-500">
          {t("checked")} <RelativeTime value={overview.checkedAt} updateMs={5_000} />
        </span>
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Card label={t("services")} testId="edgex-summary-services">
          <span className={s.servicesUp < s.servicesTotal ? "text-rose-300" : "text-emerald-300"}>{ratio(s.servicesUp, s.servicesTotal)}</span>
        </Card>
        <Card label={t("devices")} testId="edgex-summary-devices">
          {overview.devicesFailure ? <FailureNote failure={overview.devicesFailure} compact /> : ratio(s.devicesUp, s.devicesTotal)}
        </Card>
        <Card label={t("lastReading")} testId="edgex-summary-last-reading">
          {overview.readingsFailure ? <FailureNote failure={overview.readingsFailure} compact /> : <RelativeTime value={s.lastReadingAt} fallback={t("none")} updateMs={5_000} />}
        </Card>
      </div>
    </div>
  );
}
