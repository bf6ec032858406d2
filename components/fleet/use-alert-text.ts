"use client";

import { useTranslations } from "next-intl";
import type { TFleetAlert } from "@/lib/shared/fleet/fleet-api.schema";

/** The translated sentence of an alert, from its rule and parameters. */
export function useAlertText(): (alert: Pick<TFleetAlert, "rule" | "params" | "subject">) => string {
  const t = useTranslations("alerts.rule");
  return (alert) => {
    const p = alert.params;
    const s = (k: string) => String(p[k] ?? "");
    const n = (k: string) => Number(p[k] ?? 0);
    switch (alert.rule) {
      case "cluster-unavailable":
        return t("cluster-unavailable", { cluster: s("cluster") });
      case "node-not-ready":
        return t("node-not-ready", { node: s("node") || alert.subject });
      case "pods-crash-looping":
        return t("pods-crash-looping", { count: n("count") });
      case "edgex-service-down":
        return t("edgex-service-down", { down: n("down"), total: n("total") });
      case "k3s-version-behind":
        return t("k3s-version-behind", { version: s("version"), newest: s("newest"), behind: n("behind") });
    }
  };
}
