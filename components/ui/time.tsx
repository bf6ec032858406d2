"use client";

import { useFormatter, useNow } from "next-intl";

/**
 * A point in time as a relative age ("3 minutes ago" / "3 分钟前"), the absolute date and
 * time in the user's locale and zone on hover. Re-renders every `updateMs`.
 */
export function RelativeTime({ value, fallback = "—", updateMs = 10_000 }: { value: string | Date | null | undefined; fallback?: string; updateMs?: number }) {
  const format = useFormatter();
  const now = useNow({ updateInterval: updateMs });
  if (!value) return <>{fallback}</>;
  const date = typeof value === "string" ? new Date(value) : value;
  return (
    <time dateTime={date.toISOString()} title={format.dateTime(date, { dateStyle: "full", timeStyle: "long" })}>
      {format.relativeTime(date, now)}
    </time>
  );
}
