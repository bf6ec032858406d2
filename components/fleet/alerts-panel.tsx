"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { fleetKeys, toQueryString } from "@/lib/client/fleet/fleet-keys";
import { useFleetStream } from "@/lib/client/fleet/use-fleet-stream";
import type { TFleetAlert } from "@/lib/shared/fleet/fleet-api.schema";
import { clusterHref } from "@/lib/shared/fleet/fleet-links";
import { Button } from "@/components/ui/button";
import { Badge, EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { useAlertText } from "./use-alert-text";
import { DataTable } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/time";

const TONE = { critical: "red", warning: "amber", info: "sky" } as const;

/** Open (or resolved) alerts with since-time and cluster link; operators and admins acknowledge. */
export function AlertsPanel({ canAck }: { canAck: boolean }) {
  const t = useTranslations("alerts");
  const format = useFormatter();
  const text = useAlertText();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<"open" | "resolved">("open");
  const query = { status, limit: 200 };
  const alerts = useQuery({
    queryKey: fleetKeys.alerts(query),
    queryFn: () => apiFetch<{ items: TFleetAlert[]; total: number }>(`/api/v1/fleet/alerts${toQueryString(query)}`),
  });
  // Alerts change when the totals do: refetch the list when the stream reports a different count.
  const [seen, setSeen] = useState<string | null>(null);
  useFleetStream("changes", {
    onDelta: ({ summary }) => {
      const key = `${summary.alerts.open}/${summary.alerts.unacked}`;
      if (key !== seen) {
        setSeen(key);
        void queryClient.invalidateQueries({ queryKey: ["fleet", "alerts"] });
      }
    },
  });
  const ack = useMutation({
    mutationFn: ({ id, on }: { id: string; on: boolean }) => apiFetch<TFleetAlert>(`/api/v1/fleet/alerts/${id}/ack`, { method: on ? "POST" : "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["fleet"] }),
  });

  return (
    <section className="space-y-3" aria-label={t("title")}>
      <div className="flex items-center gap-2">
        {(["open", "resolved"] as const).map((s) => (
          <Button key={s} size="sm" variant={status === s ? "primary" : "secondary"} onClick={() => setStatus(s)} aria-pressed={status === s}>
            {t(`status.${s}`)}
          </Button>
        ))}
        {alerts.data ? <span className="text-sm text-slate-400">{t("count", { count: alerts.data.total })}</span> : null}
      </div>
      {ack.isError ? <ErrorState message={errorMessage(ack.error)} /> : null}
      {alerts.isPending ? <LoadingState /> : null}
      {alerts.isError ? <ErrorState message={errorMessage(alerts.error)} onRetry={() => void alerts.refetch()} /> : null}
      {alerts.data?.items.length === 0 ? <EmptyState title={status === "open" ? t("noneOpen") : t("noneResolved")} /> : null}
      {alerts.data && alerts.data.items.length > 0 ? (
        <DataTable
          label={t("title")}
          columns={[
            t("column.severity"),
            t("column.cluster"),
            t("column.alert"),
            t("column.since"),
            status === "open" ? t("column.acknowledged") : t("column.resolved"),
            ...(canAck && status === "open" ? [{ label: t("column.actions"), align: "right" as const }] : []),
          ]}
        >
          {alerts.data.items.map((a) => (
            <tr key={a.id} data-testid={`alert-${a.rule}-${a.clusterName}`} className="hover:bg-slate-900/60">
              <td className="px-3 py-2">
                <Badge tone={TONE[a.severity]}>{t(`severity.${a.severity}`)}</Badge>
              </td>
              <td className="px-3 py-2">
                <Link href={clusterHref(a.clusterId)} className="text-sky-300 hover:underline">
                  {a.clusterName}
                </Link>
              </td>
              <td className="px-3 py-2 text-slate-200">{text(a)}</td>
              <td className="px-3 py-2 whitespace-nowrap text-slate-400">
                <RelativeTime value={a.since} />
              </td>
              <td className="px-3 py-2 text-slate-400">
                {status === "resolved" && a.resolvedAt
                  ? format.dateTime(new Date(a.resolvedAt), { dateStyle: "short", timeStyle: "short" })
                  : a.ackedAt
                    ? t("ackedBy", { name: a.ackedByName ?? "", time: format.dateTime(new Date(a.ackedAt), { timeStyle: "short" }) })
                    : "—"}
              </td>
              {canAck && status === "open" ? (
                <td className="px-3 py-2 text-right">
                  <Button size="sm" disabled={ack.isPending} onClick={() => ack.mutate({ id: a.id, on: !a.ackedAt })}>
                    {a.ackedAt ? t("unack") : t("ack")}
                  </Button>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
