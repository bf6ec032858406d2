"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { bundleKeys, fetchClusterBundles } from "@/lib/client/bundles";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { BundleStateBadge } from "./bundle-badges";

/** The cluster page's list of the bundles targeting it, with their state there. */
export function ClusterBundles({ clusterId }: { clusterId: string }) {
  const t = useTranslations("bundles.cluster");
  const errorMessage = useErrorMessage();
  const bundles = useQuery({ queryKey: bundleKeys.ofCluster(clusterId), queryFn: ({ signal }) => fetchClusterBundles(clusterId, signal), refetchInterval: 10_000 });
  return (
    <section className="space-y-2" aria-label={t("title")}>
      <h2 className="text-lg font-semibold text-white">{t("title")}</h2>
      {bundles.isPending ? <LoadingState /> : null}
      {bundles.isError ? <ErrorState message={errorMessage(bundles.error)} onRetry={() => void bundles.refetch()} /> : null}
      {bundles.isSuccess && bundles.data.items.length === 0 ? <p className="text-sm text-slate-400">{t("empty")}</p> : null}
      <ul className="space-y-1">
        {bundles.data?.items.map((b) => (
          <li key={b.bundleId} className="flex flex-wrap items-center gap-3 text-sm">
            <Link href={`/bundles/${b.bundleId}`} className="font-medium text-sky-300 hover:underline">
              {b.bundleName}
            </Link>
            <BundleStateBadge state={b.state} />
            <span className="text-slate-400">{t("revision", { applied: b.appliedRevision ?? "—", target: b.targetRevision })}</span>
            {b.message ? <span className="max-w-md truncate text-xs text-slate-500" title={b.message}>{b.message}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
