"use client";

import { useTranslations } from "next-intl";
import type { TEdgexFailure } from "@/lib/shared/edgex/edgex-api.schema";

/** A failure's reason in the user's language ("Down: the service cannot be reached"); the technical detail stays separate. */
export function useEdgexFailureText(): (failure: TEdgexFailure) => string {
  const t = useTranslations("edgex.failure");
  return (failure) =>
    t(failure.reason, {
      status: failure.status ?? 0,
      seconds: Math.round((failure.timeoutMs ?? 0) / 100) / 10,
    });
}
