"use client";

import { useTranslations } from "next-intl";
import type { TKubeEdgeTwin } from "@/lib/shared/kubeedge/kubeedge.schema";
import { Badge } from "@/components/ui/states";

const TONE = { in_sync: "green", drift: "red", pending: "amber", reported_only: "slate" } as const;

/** One twin property: desired vs reported, its state, drift highlighted. */
export function TwinValue({ twin }: { twin: TKubeEdgeTwin }) {
  const t = useTranslations("kubeedge.twins");
  return (
    <div data-testid={`kubeedge-twin-${twin.property}`} data-state={twin.state} className={`rounded px-2 py-1 ${twin.state === "drift" ? "bg-rose-950/50 ring-1 ring-rose-700" : ""}`}>
      <div className="flex items-center gap-2">
        <span className="font-mono text-xs text-slate-200">{twin.property}</span>
        <Badge tone={TONE[twin.state]}>{t(`state.${twin.state}`)}</Badge>
      </div>
      <div className="font-mono text-xs text-slate-400">
        {t("desiredReported", { desired: twin.desired || "—", reported: twin.reported || "—" })}
      </div>
    </div>
  );
}
