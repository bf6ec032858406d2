"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { bundleKeys, fetchBundle } from "@/lib/client/bundles";
import { BUNDLE_STATES } from "@/lib/shared/bundles/bundles.schema";
import { PageHeader } from "@/components/shell/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { BundleActions } from "./bundle-actions";
import { BundleStateBadge, RolloutStatusBadge } from "./bundle-badges";
import { BundleMatrix } from "./bundle-matrix";
import { BundleSource } from "./bundle-source";
import { BundleProgress } from "./bundle-summary-text";
import { RevisionDiff } from "./revision-diff";

/** One bundle: rollout progress, per-state counts, the status matrix, actions and the revision diff. */
export function BundleDetail({ bundleId, canWrite }: { bundleId: string; canWrite: boolean }) {
  const t = useTranslations("bundles");
  const errorMessage = useErrorMessage();
  const bundle = useQuery({ queryKey: bundleKeys.detail(bundleId), queryFn: ({ signal }) => fetchBundle(bundleId, signal), refetchInterval: 3_000 });
  if (bundle.isPending) return <LoadingState />;
  if (bundle.isError) return <ErrorState message={errorMessage(bundle.error)} onRetry={() => void bundle.refetch()} />;
  const b = bundle.data;
  const ready = b.total === 0 ? 0 : Math.round((b.counts.Ready / b.total) * 100);
  return (
    <div className="space-y-6">
      <PageHeader
        title={b.name}
        description={b.group ? t("targetGroup", { group: b.group }) : b.clusterSelector ? t("selector", { selector: b.clusterSelector }) : t("clusterCount", { count: b.clusterIds.length })}
        actions={canWrite ? <BundleActions bundle={b} /> : undefined}
      />
      <section className="space-y-2 rounded-lg border border-slate-800 p-4" aria-label={t("col.status")}>
        <div className="flex flex-wrap items-center gap-3 text-sm text-slate-300">
          <span data-testid="rollout-status">
            <RolloutStatusBadge status={b.status} />
          </span>
          <span>{t("detail.revision", { revision: b.revision, latest: b.latestRevision })}</span>
          <span>{t("detail.wave", { wave: Math.min(b.wave + 1, Math.max(b.waves, 1)), waves: Math.max(b.waves, 1) })}</span>
          {b.statusReason ? <span className="text-amber-300">{b.statusReason}</span> : null}
          <span data-testid="bundle-progress">
            <BundleProgress bundle={b} />
          </span>
        </div>
        <div className="h-2 overflow-hidden rounded bg-slate-800" role="progressbar" aria-valuenow={ready} aria-valuemin={0} aria-valuemax={100} aria-label={t("readyOf", { ready: b.counts.Ready, total: b.total })}>
          <div className="h-full bg-emerald-500" style={{ width: `${ready}%` }} />
        </div>
        <ul className="flex flex-wrap gap-3 text-sm" data-testid="state-counts">
          {BUNDLE_STATES.filter((s) => b.counts[s] > 0).map((s) => (
            <li key={s} className="flex items-center gap-1">
              <BundleStateBadge state={s} /> {b.counts[s]}
            </li>
          ))}
        </ul>
      </section>
      <BundleSource bundle={b} canWrite={canWrite} />
      <BundleMatrix clusters={b.clusters} />
      <RevisionDiff bundleId={b.id} latest={b.latestRevision} />
    </div>
  );
}
