"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { fetchClusterLifecycle, upgradeKeys } from "@/lib/client/upgrades";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";

/** The cluster page's lifecycle panel: versions, agent update, last k3s upgrade, version history, how it joined. */
export function ClusterLifecycle({ clusterId }: { clusterId: string }) {
  const t = useTranslations("upgrades.lifecycle");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const glance = useQuery({ queryKey: upgradeKeys.lifecycle(clusterId), queryFn: ({ signal }) => fetchClusterLifecycle(clusterId, signal), refetchInterval: 15_000 });
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const d = glance.data;
  return (
    <section className="space-y-2" aria-labelledby="cluster-lifecycle">
      <h2 id="cluster-lifecycle" className="text-lg font-semibold text-white">
        {t("title")}
      </h2>
      {glance.isPending ? <LoadingState /> : null}
      {glance.isError ? <ErrorState message={errorMessage(glance.error)} onRetry={() => void glance.refetch()} /> : null}
      {d ? (
        <div className="space-y-2 text-sm text-slate-300" data-testid="cluster-lifecycle">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <dt className="text-slate-500">{t("k3s")}</dt>
            <dd className="font-mono">{d.kubernetesVersion ?? "—"}</dd>
            <dt className="text-slate-500">{t("agent")}</dt>
            <dd>
              <span className="font-mono">{d.agentVersion ?? "—"}</span>{" "}
              {d.agentUpdateAvailable ? <span className="rounded bg-amber-900/60 px-1.5 py-0.5 text-xs text-amber-200">{t("agentUpdate", { version: d.latestAgentVersion })}</span> : null}
            </dd>
            <dt className="text-slate-500">{t("lastUpgrade")}</dt>
            <dd>
              {d.lastUpgrade ? (
                <>
                  <Link href={`/bundles/${d.lastUpgrade.bundleId}`} className="text-sky-300 hover:underline">
                    {d.lastUpgrade.version}
                  </Link>{" "}
                  <span className="text-slate-400">{t("upgradeState", { state: d.lastUpgrade.state, at: when(d.lastUpgrade.at) })}</span>
                  {d.lastUpgrade.message ? <span className="block text-xs text-slate-500">{d.lastUpgrade.message}</span> : null}
                </>
              ) : (
                t("never")
              )}
            </dd>
            <dt className="text-slate-500">{t("joined")}</dt>
            <dd>{d.registration ? t("selfRegistered", { token: d.registration.fleetTokenName ?? "—", by: d.registration.approvedBy ?? "—" }) : t("imported")}</dd>
          </dl>
          {d.history.length > 0 ? (
            <details>
              <summary className="cursor-pointer text-slate-400">{t("history", { count: d.history.length })}</summary>
              <ul className="mt-1 space-y-0.5 text-xs">
                {d.history.map((h) => (
                  <li key={`${h.component}-${h.at}-${h.to}`}>
                    <span className="text-slate-500">{when(h.at)}</span> {h.component === "k3s" ? t("k3s") : t("agent")}{" "}
                    <span className="font-mono">{t("change", { from: h.from ?? "—", to: h.to })}</span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
