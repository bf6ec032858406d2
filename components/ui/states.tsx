"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "./button";

export function LoadingState({ label }: { label?: string }) {
  const t = useTranslations("common");
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 p-6 text-sm text-slate-400">
      <span className="h-4 w-4 animate-spin rounded-full border-2 border-slate-600 border-t-sky-400" aria-hidden />
      {label ?? t("loading")}
    </div>
  );
}

export function EmptyState({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-700 p-10 text-center">
      <p className="text-base font-medium text-slate-200">{title}</p>
      {children ? <div className="mt-2 text-sm text-slate-400">{children}</div> : null}
    </div>
  );
}

export function ErrorState({ message, onRetry }: { message: ReactNode; onRetry?: () => void }) {
  const t = useTranslations("common");
  return (
    <div role="alert" className="flex items-center justify-between gap-4 rounded-lg border border-rose-800 bg-rose-950/40 p-4 text-sm text-rose-200">
      <span>{message}</span>
      {onRetry ? (
        <Button size="sm" onClick={onRetry}>
          {t("retry")}
        </Button>
      ) : null}
    </div>
  );
}

const BADGE = {
  green: "bg-emerald-900/60 text-emerald-300 ring-emerald-700",
  amber: "bg-amber-900/60 text-amber-300 ring-amber-700",
  red: "bg-rose-900/60 text-rose-300 ring-rose-700",
  slate: "bg-slate-800 text-slate-300 ring-slate-600",
  sky: "bg-sky-900/60 text-sky-300 ring-sky-700",
} as const;

export function Badge({ tone = "slate", children }: { tone?: keyof typeof BADGE; children: ReactNode }) {
  return <span className={`inline-flex items-center whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${BADGE[tone]}`}>{children}</span>;
}
