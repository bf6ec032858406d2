"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useEdgexPage } from "@/lib/client/edgex/use-edgex-page";
import type { TEdgexProfile } from "@/lib/shared/edgex/edgex-envelopes.schema";
import { Badge } from "@/components/ui/states";
import { Pager } from "./pager";
import { DataTable } from "@/components/ui/data-table";
import { EdgexPageStates } from "./edgex-page-states";

const PAGE = 20;

/** core-metadata's device profiles: manufacturer, model, how many resources and commands. */
export function EdgexProfilesTable({ clusterId }: { clusterId: string }) {
  const t = useTranslations("edgex.profiles");
  const format = useFormatter();
  const [offset, setOffset] = useState(0);
  const page = useEdgexPage<TEdgexProfile>(clusterId, "profiles", { offset, limit: PAGE });
  const data = page.data;
  return (
    <section className="space-y-3" aria-label={t("title")}>
      {data ? <Pager offset={data.offset} limit={data.limit} total={data.totalCount} shown={data.items.length} onOffset={setOffset} /> : null}
      <EdgexPageStates page={page} emptyTitle={t("empty")} />
      {data && data.items.length > 0 ? (
        <DataTable label={t("title")} columns={[t("name"), t("manufacturer"), t("model"), { label: t("resources"), align: "right" }, { label: t("commands"), align: "right" }, t("labels")]}>
          {data.items.map((p) => (
            <tr key={p.name} data-testid={`edgex-profile-${p.name}`}>
              <td className="px-3 py-2 font-mono text-slate-100" title={p.description}>{p.name}</td>
              <td className="px-3 py-2 text-slate-300">{p.manufacturer || "—"}</td>
              <td className="px-3 py-2 text-slate-300">{p.model || "—"}</td>
              <td className="px-3 py-2 text-right font-mono">{format.number(p.deviceResources.length)}</td>
              <td className="px-3 py-2 text-right font-mono">{format.number(p.deviceCommands.length)}</td>
              <td className="px-3 py-2">
                <div className="flex flex-wrap gap-1">
                  {p.labels.map((l) => (
                    <Badge key={l}>{l}</Badge>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
