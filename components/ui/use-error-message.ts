"use client";

import { useTranslations } from "next-intl";
import { ApiClientError } from "@/lib/client/api-client";

/**
 * Translates an API error by its stable code; falls back to the server's English message.
 * A refusal by the cluster itself (its RBAC, its validation) shows the cluster's own words.
 */
export function useErrorMessage(): (error: unknown) => string {
  const t = useTranslations("errors");
  return (error) => {
    if (error instanceof ApiClientError) {
      if (error.source === "cluster") return t("fromCluster", { message: error.message });
      return t.has(error.code) ? t(error.code) : error.message;
    }
    return t("internal");
  };
}
