"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useEdgexPage } from "@/lib/client/edgex/use-edgex-page";
import type { TEdgexDevicePage, TEdgexDeviceRow } from "@/lib/shared/edgex/edgex-api.schema";
import { Badge } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/time";
import { FailureNote } from "./failure-note";
import { Pager } from "./pager";
import { DataTable } from "@/components/ui/data-table";
import { EdgexPageStates } from "./edgex-page-states";

const PAGE = 20;

function StateBadge({ value, good }: { value: string | null; good: string }) {
  if (!value) return <>—</>;
  return <Badge tone={value === good ? "green" : "amber"}>{value}</Badge>;
}

/** core-metadata's devices, a page at a time, with each one's newest reading time; filter by label. */
export function EdgexDevicesTable({ clusterId }: { clusterId: string }) {
  const t = useTranslations("edgex.devices");
  const [offset, setOffset] = useState(0);
  const [labels, setLabels] = useState("");
  const page = useEdgexPage<TEdgexDeviceRow, TEdgexDevicePage>(clusterId, "devices", { offset, limit: PAGE, labels: labels || undefined });
  const data = page.data;
  return (
    <section className="space-y-3" aria-label={t("title")}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <input
          value={labels}
          onChange={(e) => {
            setLabels(e.target.value.replace(/[^A-Za-z0-9._~,-]/g, ""));
            setOffset(0);
          }}
          placeholder={t("labelFilter")}
          aria-label={t("labelFilter")}
          className="w-64 rounded-md border border-slate-700 bg-slate-900 px-3 py-1.5 text-sm text-slate-100"
        />
        {data ? <Pager offset={data.offset} limit={data.limit} total={data.totalCount} shown={data.items.length} onOffset={setOffset} /> : null}
      </div>
      <EdgexPageStates page={page} emptyTitle={t("empty")} failureTestId="edgex-devices-failure" />
      {data?.readingsFailure ? <FailureNote failure={data.readingsFailure} testId="edgex-devices-readings-failure" /> : null}
      {data && data.items.length > 0 ? (
        <DataTable label={t("title")} columns={[t("name"), t("profile"), t("service"), t("adminState"), t("operatingState"), t("labels"), t("lastReading")]}>
          {data.items.map((d) => (
            <tr key={d.name} data-testid={`edgex-device-${d.name}`} className="hover:bg-slate-900/60">
              <td className="px-3 py-2 font-mono">
                <Link href={`/clusters/${encodeURIComponent(clusterId)}/edgex/devices/${encodeURIComponent(d.name)}`} className="text-sky-400 hover:underline">
                  {d.name}
                </Link>
              </td>
              <td className="px-3 py-2 font-mono text-slate-300">{d.profileName ?? "—"}</td>
              <td className="px-3 py-2 font-mono text-slate-300">{d.serviceName ?? "—"}</td>
              <td className="px-3 py-2"><StateBadge value={d.adminState} good="UNLOCKED" /></td>
              <td className="px-3 py-2"><StateBadge value={d.operatingState} good="UP" /></td>
              <td className="px-3 py-2">
                <div className="flex flex-wrap gap-1">
                  {d.labels.map((l) => (
                    <Badge key={l}>{l}</Badge>
                  ))}
                </div>
              </td>
              <td className="px-3 py-2 text-slate-300" data-testid="edgex-device-last-reading">
                <RelativeTime value={d.lastReadingAt} updateMs={5_000} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
