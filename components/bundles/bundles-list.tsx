"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { bundleKeys, fetchBundles } from "@/lib/client/bundles";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/time";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { RolloutStatusBadge } from "./bundle-badges";
import { BundleProgress, BundleTargets } from "./bundle-summary-text";

/** Every bundle: targets, revision, rollout status and how many clusters are Ready. */
export function BundlesList() {
  const t = useTranslations("bundles");
  const errorMessage = useErrorMessage();
  const bundles = useQuery({ queryKey: bundleKeys.list(), queryFn: ({ signal }) => fetchBundles(signal), refetchInterval: 5_000 });
  const items = bundles.data?.items ?? [];
  return (
    <section className="space-y-4">
      {bundles.isPending ? <LoadingState /> : null}
      {bundles.isError ? <ErrorState message={errorMessage(bundles.error)} onRetry={() => void bundles.refetch()} /> : null}
      {bundles.isSuccess && items.length === 0 ? <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState> : null}
      {items.length > 0 ? (
        <DataTable label={t("title")} dense={false} columns={(["name", "targets", "revision", "status", "progress", "updated"] as const).map((c) => t(`col.${c}`))}>
          {items.map((b) => (
            <tr key={b.id} data-testid={`bundle-row-${b.name}`} className="hover:bg-slate-900/60">
              <td className="px-4 py-2">
                <Link href={`/bundles/${b.id}`} className="font-medium text-sky-300 hover:underline">
                  {b.name}
                </Link>
              </td>
              <td className="px-4 py-2 text-slate-300">
                <BundleTargets bundle={b} />
                {b.git ? <div className="mt-0.5 truncate text-xs text-slate-500">{t("gitSource", { url: b.git.url, ref: b.git.ref })}</div> : null}
              </td>
              <td className="px-4 py-2">{b.revision}</td>
              <td className="px-4 py-2">
                <RolloutStatusBadge status={b.status} />
              </td>
              <td className="px-4 py-2 text-slate-300">
                <BundleProgress bundle={b} />
              </td>
              <td className="px-4 py-2 text-slate-400">
                <RelativeTime value={b.updatedAt} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
