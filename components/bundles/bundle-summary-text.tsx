"use client";

import { useTranslations } from "next-intl";
import type { TBundleSummary } from "@/lib/shared/bundles/bundles.schema";

/** What a bundle targets: its group, its selector, or how many clusters it names. */
export function BundleTargets({ bundle }: { bundle: TBundleSummary }) {
  const t = useTranslations("bundles");
  if (bundle.group) return <span>{t("targetGroup", { group: bundle.group })}</span>;
  return <span className="font-mono text-xs">{bundle.clusterSelector ?? t("clusterCount", { count: bundle.clusterIds.length })}</span>;
}

/**
 * "3 of 5 Ready", or why there is nothing to count: the bundle is being deleted, the
 * clusters it named were deleted, or no cluster matches; named clusters that are gone are
 * said even when others remain.
 */
export function BundleProgress({ bundle }: { bundle: TBundleSummary }) {
  const t = useTranslations("bundles");
  if (bundle.deleting) return <span className="text-amber-300">{t("deleting", { count: bundle.deleting.clustersLeft })}</span>;
  if (bundle.total === 0 && bundle.emptyReason) {
    return <span className="text-amber-300" data-testid="empty-reason">{t(`empty.${bundle.emptyReason}`, { count: bundle.missingTargets })}</span>;
  }
  return (
    <span>
      {t("readyOf", { ready: bundle.counts.Ready, total: bundle.total })}
      {bundle.missingTargets > 0 ? <span className="ml-2 text-amber-300">{t("missingTargets", { count: bundle.missingTargets })}</span> : null}
    </span>
  );
}
