"use client";

import { useTranslations } from "next-intl";
import type { TBundleState, TRolloutStatus } from "@/lib/shared/bundles/bundles.schema";
import { Badge } from "@/components/ui/states";

const STATUS_TONE = { progressing: "sky", paused: "amber", completed: "green", aborted: "slate" } as const;

export function RolloutStatusBadge({ status }: { status: TRolloutStatus }) {
  const t = useTranslations("bundles");
  return <Badge tone={STATUS_TONE[status]}>{t(`status.${status}`)}</Badge>;
}

/** Cell colours of the status matrix; Offline is also striped so it does not rely on colour alone. */
export const STATE_STYLE: Record<TBundleState, { tone: "green" | "amber" | "red" | "slate" | "sky"; cell: string }> = {
  Ready: { tone: "green", cell: "bg-emerald-500" },
  NotReady: { tone: "amber", cell: "bg-amber-400" },
  Applying: { tone: "sky", cell: "bg-sky-400" },
  Waiting: { tone: "slate", cell: "bg-slate-600" },
  Offline: { tone: "slate", cell: "bg-slate-800 bg-[repeating-linear-gradient(45deg,transparent,transparent_3px,rgb(100_116_139)_3px,rgb(100_116_139)_4px)]" },
  Failed: { tone: "red", cell: "bg-rose-500" },
  Drifted: { tone: "amber", cell: "bg-orange-500" },
};

export function BundleStateBadge({ state }: { state: TBundleState }) {
  const t = useTranslations("bundles");
  return <Badge tone={STATE_STYLE[state].tone}>{t(`state.${state}`)}</Badge>;
}
