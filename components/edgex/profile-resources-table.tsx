"use client";

import { useTranslations } from "next-intl";
import type { TEdgexProfile } from "@/lib/shared/edgex/edgex-envelopes.schema";
import { Badge } from "@/components/ui/states";

/** A device profile's resources: type, access (R/W/RW), units and range. */
export function ProfileResourcesTable({ profile }: { profile: TEdgexProfile }) {
  const t = useTranslations("edgex.resources");
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-800">
      <table className="w-full text-left text-sm" aria-label={t("title", { profile: profile.name })}>
        <thead className="bg-slate-900 text-xs uppercase tracking-wide text-slate-400">
          <tr>
            <th scope="col" className="px-3 py-2">{t("name")}</th>
            <th scope="col" className="px-3 py-2">{t("type")}</th>
            <th scope="col" className="px-3 py-2">{t("access")}</th>
            <th scope="col" className="px-3 py-2">{t("units")}</th>
            <th scope="col" className="px-3 py-2">{t("range")}</th>
            <th scope="col" className="px-3 py-2">{t("description")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-800">
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
        </tbody>
      </table>
    </div>
  );
}
