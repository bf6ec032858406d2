"use client";

import { useTranslations } from "next-intl";
import { parseTimestamp } from "@/lib/shared/kube";
import { DataTable } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/time";

// Node conditions where "True" is the bad news.
const PRESSURE = new Set(["DiskPressure", "MemoryPressure", "PIDPressure", "NetworkUnavailable"]);

export interface ConditionView {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** An object's status.conditions: type, status, reason, message, since (kubectl describe's Conditions). */
export function ConditionsTable({ conditions }: { conditions: ConditionView[] }) {
  const t = useTranslations("explorer.detail");
  if (conditions.length === 0) return <p className="text-sm text-slate-500">{t("noConditions")}</p>;
  return (
    <DataTable variant="kubectl" label={t("conditions")} columns={["TYPE", "STATUS", "REASON", "MESSAGE", "LAST TRANSITION"]}>
      {conditions.map((c) => {
        const ms = parseTimestamp(c.lastTransitionTime);
        const good = PRESSURE.has(c.type) ? c.status === "False" : c.status === "True";
        return (
          <tr key={c.type}>
            <td className="px-3 py-1.5 font-mono">{c.type}</td>
            <td className={`px-3 py-1.5 font-mono ${good ? "text-emerald-300" : c.status === "Unknown" ? "text-amber-300" : "text-rose-300"}`}>{c.status}</td>
            <td className="px-3 py-1.5 font-mono">{c.reason ?? ""}</td>
            <td className="px-3 py-1.5">{c.message ?? ""}</td>
            <td className="px-3 py-1.5 text-slate-400" title={c.lastTransitionTime}>
              {ms !== undefined ? <RelativeTime value={new Date(ms)} /> : ""}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
