"use client";

import { useTranslations } from "next-intl";

/** "3 flaps/h" beside a cluster's state when it went Active → Unavailable in the last hour; nothing otherwise. */
export function ClusterFlaps({ count }: { count: number }) {
  const t = useTranslations("clusters");
  if (count <= 0) return null;
  return (
    <span className="ml-1.5 text-xs whitespace-nowrap text-amber-300" title={t("flapsTitle", { count })} data-testid="cluster-flaps">
      {t("flaps", { count })}
    </span>
  );
}
