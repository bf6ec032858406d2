"use client";

import { useTranslations } from "next-intl";
import type { TClusterError } from "@/lib/shared/explorer/explorer.schema";

/** A cluster's error in the user's language (by code), with the cluster's own words appended. */
export function useClusterErrorMessage(): (error: TClusterError) => string {
  const t = useTranslations("explorer.clusterErrors");
  return (error) => {
    const summary = t.has(error.code) ? t(error.code) : t("other");
    return error.message && error.reason !== "ClusterNotConnected" ? `${summary} (${error.message})` : summary;
  };
}
