"use client";

import { useTranslations } from "next-intl";
import type { StreamStatus } from "@/lib/client/fleet/use-fleet-stream";

const DOT = { connecting: "bg-slate-500", live: "bg-emerald-400", reconnecting: "bg-amber-400", closed: "bg-rose-500" } as const;

/** Whether live updates are flowing. */
export function StreamStatusBadge({ status, large = false }: { status: StreamStatus; large?: boolean }) {
  const t = useTranslations("fleet.stream");
  return (
    <span data-testid="stream-status" data-status={status} className={`inline-flex items-center gap-2 ${large ? "text-lg" : "text-xs"} text-slate-400`}>
      <span className={`inline-block rounded-full ${large ? "h-3 w-3" : "h-2 w-2"} ${DOT[status]}`} aria-hidden />
      {t(status)}
    </span>
  );
}
