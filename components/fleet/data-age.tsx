"use client";

import { useFormatter, useTranslations } from "next-intl";
import { usePastRelativeTime } from "@/components/ui/time";

/**
 * How old a number is: "12 seconds ago" (locale-formatted, ticking), the absolute time on
 * hover, and a "stale" marker when the snapshot stopped being refreshed.
 */
export function DataAge({ at, stale, className = "" }: { at: string | null; stale: boolean; className?: string }) {
  const t = useTranslations("fleet");
  const format = useFormatter();
  const ago = usePastRelativeTime(5_000);
  if (!at) return <span className={`text-slate-500 ${className}`}>—</span>;
  const date = new Date(at);
  return (
    <span
      data-testid="data-age"
      data-stale={stale ? "true" : "false"}
      title={format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" })}
      className={`${stale ? "font-medium text-amber-300" : "text-slate-400"} ${className}`}
      suppressHydrationWarning
    >
      {stale ? t("staleAge", { age: ago(date) }) : ago(date)}
    </span>
  );
}
