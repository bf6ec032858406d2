"use client";

import { useTranslations } from "next-intl";
import type { TResourceUsage } from "@/lib/shared/resource-usage/resource-usage.schema";

/**
 * Why a cluster shows no CPU/memory: no metrics-server, not allowed, or metrics-server
 * not answering — said plainly instead of zeros; the cluster's own words on hover.
 */
export function UsageUnavailable({ usage }: { usage: Extract<TResourceUsage, { available: false }> }) {
  const t = useTranslations("usage");
  return (
    <p role="status" data-testid="usage-unavailable" data-reason={usage.reason} title={usage.message} className="my-2 rounded border border-slate-800 bg-slate-900/60 px-3 py-2 text-xs text-slate-400">
      {t(`unavailable.${usage.reason}`)}
    </p>
  );
}
