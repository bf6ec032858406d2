"use client";

import { useFormatter, useNow } from "next-intl";
import { useCallback } from "react";
import { pastOrNow } from "@/lib/shared/relative-time";

/**
 * The console's one way to print how long ago something happened: "3 minutes ago" /
 * "3 分钟前", never in the future (pastOrNow), re-rendered every `updateMs`.
 */
export function usePastRelativeTime(updateMs = 10_000): (value: Date | string | number) => string {
  const format = useFormatter();
  const now = useNow({ updateInterval: updateMs });
  return useCallback((value) => format.relativeTime(pastOrNow(new Date(value), now), now), [format, now]);
}

/**
 * A point in time as a relative age, the absolute date and time in the user's locale and
 * zone on hover. The server's "now" and the browser's differ by the time the page took to
 * arrive, so the first client render may word it differently: that text is allowed to
 * differ at hydration (it is corrected at the next tick).
 */
export function RelativeTime({ value, fallback = "—", updateMs = 10_000, className }: { value: string | Date | null | undefined; fallback?: string; updateMs?: number; className?: string }) {
  const format = useFormatter();
  const ago = usePastRelativeTime(updateMs);
  if (!value) return <>{fallback}</>;
  const date = typeof value === "string" ? new Date(value) : value;
  return (
    <time dateTime={date.toISOString()} className={className} title={format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" })} suppressHydrationWarning>
      {ago(date)}
    </time>
  );
}
