"use client";

import { useFormatter, useNow, useTranslations } from "next-intl";
import type { TTroubleReason } from "@/lib/shared/fleet/cluster-health";
import type { TFleetCluster } from "@/lib/shared/fleet/fleet.schema";

/** Words for a trouble reason of a cluster ("Unavailable for 20 minutes", "2 failing pods", "1/3 nodes ready"). */
export function useReasonText(): (reason: TTroubleReason, c: TFleetCluster) => string {
  const t = useTranslations("wall.reason");
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  return (reason, c) => {
    const s = c.snapshot;
    switch (reason) {
      case "unavailable": {
        const since = new Date(Math.min(Date.parse(c.stateSince), now.getTime()));
        return t("unavailable", { since: format.relativeTime(since, now) });
      }
      case "nodesNotReady":
        return t("nodesNotReady", { ready: s?.nodesReady ?? 0, total: s?.nodesTotal ?? 0 });
      case "podsFailing":
        return t("podsFailing", { count: s?.podsFailing ?? 0 });
      case "alerts":
        return t("alerts", { count: c.alertsOpen });
      case "stale":
        return t("stale");
      case "edgexDown":
        return t("edgexDown", { down: (s?.edgex?.servicesTotal ?? 0) - (s?.edgex?.servicesUp ?? 0) });
      case "pending":
        return t("pending");
    }
  };
}
