"use client";

import { useTranslations } from "next-intl";
import type { TEdgexProfile } from "@/lib/shared/edgex/edgex-envelopes.schema";
import { Badge } from "@/components/ui/states";
import { DataTable } from "@/components/ui/data-table";

/** A device profile's resources: type, access (R/W/RW), units and range. */
export function ProfileResourcesTable({ profile }: { profile: TEdgexProfile }) {
  const t = useTranslations("edgex.resources");
  return (
    <DataTable label={t("title", { profile: profile.name })} columns={[t("name"), t("type"), t("access"), t("units"), t("range"), t("description")]}>
      {profile.deviceResources.map((r) => {
        const p = r.properties;
        const hasRange = p.minimum !== undefined || p.maximum !== undefined;
        return (
          <tr key={r.name} data-testid={`edgex-resource-${r.name}`}>
            <td className="px-3 py-2 font-mono text-slate-100">
              {r.name} {r.isHidden ? <Badge>{t("hidden")}</Badge> : null}
            </td>
            <td className="px-3 py-2 font-mono text-slate-300">{p.valueType}</td>
            <td className="px-3 py-2">
              <Badge tone={p.readWrite.includes("W") ? "amber" : "slate"}>{p.readWrite}</Badge>
            </td>
            <td className="px-3 py-2 font-mono text-slate-300">{p.units || "—"}</td>
            <td className="px-3 py-2 font-mono text-slate-300">{hasRange ? `${p.minimum ?? "…"} – ${p.maximum ?? "…"}` : "—"}</td>
            <td className="px-3 py-2 text-slate-400">{r.description || "—"}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
