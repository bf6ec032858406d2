"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useEdgexPage } from "@/lib/client/edgex/use-edgex-page";
import type { TEdgexDeviceService } from "@/lib/shared/edgex/edgex-envelopes.schema";
import { Badge } from "@/components/ui/states";
import { Pager } from "./pager";
import { DataTable } from "@/components/ui/data-table";
import { EdgexPageStates } from "./edgex-page-states";

const PAGE = 20;

/** core-metadata's device services: base address, admin state, labels. */
export function EdgexDeviceServicesTable({ clusterId }: { clusterId: string }) {
  const t = useTranslations("edgex.deviceServices");
  const [offset, setOffset] = useState(0);
  const page = useEdgexPage<TEdgexDeviceService>(clusterId, "device-services", { offset, limit: PAGE });
  const data = page.data;
  return (
    <section className="space-y-3" aria-label={t("title")}>
      {data ? <Pager offset={data.offset} limit={data.limit} total={data.totalCount} shown={data.items.length} onOffset={setOffset} /> : null}
      <EdgexPageStates page={page} emptyTitle={t("empty")} />
      {data && data.items.length > 0 ? (
        <DataTable label={t("title")} columns={[t("name"), t("baseAddress"), t("adminState"), t("labels")]}>
          {data.items.map((s) => (
            <tr key={s.name} data-testid={`edgex-device-service-${s.name}`}>
              <td className="px-3 py-2 font-mono text-slate-100" title={s.description}>{s.name}</td>
              <td className="px-3 py-2 font-mono text-slate-300">{s.baseAddress || "—"}</td>
              <td className="px-3 py-2">{s.adminState ? <Badge tone={s.adminState === "UNLOCKED" ? "green" : "amber"}>{s.adminState}</Badge> : "—"}</td>
              <td className="px-3 py-2">
                <div className="flex flex-wrap gap-1">
                  {s.labels.map((l) => (
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
