"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import type { TEdgexCoreCommand, TEdgexProfile } from "@/lib/shared/edgex/edgex-envelopes.schema";
import { setCommandFields } from "@/lib/shared/edgex/set-command-fields";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/states";
import { EdgexReadCommand } from "./edgex-read-command";
import { EdgexSetCommandDialog } from "./edgex-set-command-dialog";
import { DataTable } from "@/components/ui/data-table";

/**
 * core-command's commands of a device: read ones run on demand and show their values; set
 * ones open a form built from the profile — only for roles that may act (`canAct`); viewers
 * see no set controls at all (and the API would answer 403).
 */
export function EdgexCommandsTable({ clusterId, device, commands, profile, canAct }: { clusterId: string; device: string; commands: TEdgexCoreCommand[]; profile: TEdgexProfile | null; canAct: boolean }) {
  const t = useTranslations("edgex.commands");
  const [setting, setSetting] = useState<TEdgexCoreCommand | null>(null);
  // Stable while the dialog is open: the device query refetches every 10 s.
  const fields = useMemo(() => (setting && profile ? setCommandFields(profile, setting.name) : null), [setting, profile]);
  return (
    <>
      <DataTable label={t("title")} columns={[t("name"), t("parameters"), t("read"), { label: t("set"), align: "right" }]}>
        {commands.map((c) => (
          <tr key={c.name} data-testid={`edgex-command-${c.name}`} className="align-top">
            <td className="px-3 py-2 font-mono text-slate-100">
              {c.name}
              <div className="mt-1 flex gap-1">
                {c.get ? <Badge>{t("get")}</Badge> : null}
                {c.set ? <Badge tone="amber">{t("put")}</Badge> : null}
              </div>
            </td>
            <td className="px-3 py-2 font-mono text-xs text-slate-400">{c.parameters.map((p) => `${p.resourceName}: ${p.valueType}`).join(", ")}</td>
            <td className="px-3 py-2">{c.get ? <EdgexReadCommand clusterId={clusterId} device={device} command={c.name} /> : null}</td>
            <td className="px-3 py-2 text-right">
              {c.set && canAct ? (
                <Button size="sm" variant="primary" onClick={() => setSetting(c)} disabled={!profile} aria-label={t("setOf", { command: c.name })}>
                  {t("setAction")}
                </Button>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
      {setting && fields ? <EdgexSetCommandDialog clusterId={clusterId} device={device} command={setting.name} fields={fields} canRead={!!setting.get} onClose={() => setSetting(null)} /> : null}
      {setting && !fields ? (
        <p role="alert" className="p-3 text-sm text-amber-300">
          {t("noForm", { command: setting.name })}
        </p>
      ) : null}
    </>
  );
}
