"use client";

import { useTranslations } from "next-intl";
import { ApiClientError } from "@/lib/client/api-client";

/** Translates an API error by its stable code; falls back to the server's English message. */
export function useErrorMessage(): (error: unknown) => string {
  const t = useTranslations("errors");
  return (error) => {
    if (error instanceof ApiClientError) {
      return t.has(error.code) ? t(error.code) : error.message;
    }
    return t("internal");
  };
}
