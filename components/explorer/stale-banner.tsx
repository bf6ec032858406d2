"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { TClusterError, TClusterRef } from "@/lib/shared/explorer/explorer.schema";
import { Button } from "@/components/ui/button";
import { usePastRelativeTime } from "@/components/ui/time";
import { useClusterErrorMessage } from "./use-cluster-error-message";

/**
 * The visible stale marker: shown when the cluster is not connected, the data is the last
 * known state, or the live stream is down — with the cluster's last error and a Retry.
 */
export function StaleBanner({ cluster, error, stale, live, hasData, onRetry }: { cluster: TClusterRef; error: TClusterError | null; stale: boolean; live: boolean; hasData: boolean; onRetry: () => void }) {
  const t = useTranslations("explorer");
  const format = useFormatter();
  const ago = usePastRelativeTime();
  const message = useClusterErrorMessage();
  if (cluster.connected && !error && !stale && live) return null;
  const since = new Date(cluster.stateSince);
  const title = !cluster.connected
    ? t("stale.disconnected", { state: t(`clusterState.${cluster.state}`) })
    : error
      ? t("stale.error")
      : t("stale.reconnecting");
  return (
    <div role="status" data-testid="stale-marker" className="mb-3 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-700 bg-amber-950/40 p-3 text-sm text-amber-200">
      <div className="space-y-1">
        <p className="font-medium">
          {title}
          {!cluster.connected ? (
            <span className="ml-2 text-amber-300/80" title={format.dateTime(since, { dateStyle: "medium", timeStyle: "medium" })} suppressHydrationWarning>
              {t("stale.since", { when: ago(since) })}
            </span>
          ) : null}
        </p>
        {error ? <p className="text-amber-300/90">{message(error)}</p> : cluster.stateReason && !cluster.connected ? <p className="text-amber-300/90">{cluster.stateReason}</p> : null}
        {hasData ? <p className="text-xs text-amber-300/70">{t("stale.lastKnown")}</p> : null}
      </div>
      <Button size="sm" onClick={onRetry}>
        {t("retry")}
      </Button>
    </div>
  );
}
