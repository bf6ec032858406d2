"use client";

import { useFormatter, useNow, useTranslations } from "next-intl";

/**
 * How old a number is: "12 seconds ago" (locale-formatted, ticking), the absolute time on
 * hover, and a "stale" marker when the snapshot stopped being refreshed.
 */
export function DataAge({ at, stale, className = "" }: { at: string | null; stale: boolean; className?: string }) {
  const t = useTranslations("fleet");
  const format = useFormatter();
  const now = useNow({ updateInterval: 5_000 });
  if (!at) return <span className={`text-slate-500 ${className}`}>—</span>;
  const date = new Date(at);
  // A clock a little behind the server must not print "in 2 seconds".
  const shown = date.getTime() > now.getTime() ? now : date;
  return (
    <span
      data-testid="data-age"
      data-stale={stale ? "true" : "false"}
      title={format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" })}
      className={`${stale ? "font-medium text-amber-300" : "text-slate-400"} ${className}`}
    >
      {stale ? t("staleAge", { age: format.relativeTime(shown, now) }) : format.relativeTime(shown, now)}
    </span>
  );
}
