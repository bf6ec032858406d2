"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useKubeEdgeOverview } from "@/lib/client/edgex/use-kubeedge-overview";
import { Badge, EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/time";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { useClusterErrorMessage } from "@/components/explorer/use-cluster-error-message";
import { TwinValue } from "./twin-value";
import { DataTable } from "@/components/ui/data-table";


/**
 * A cluster's KubeEdge page: edge nodes with their KubeEdge release, Devices with their
 * twins (desired vs reported, drift highlighted) and DeviceModels. Nodes and devices fail
 * separately.
 */
export function KubeEdgePage({ clusterId }: { clusterId: string }) {
  const t = useTranslations("kubeedge");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const clusterErrorMessage = useClusterErrorMessage();
  const overview = useKubeEdgeOverview(clusterId);
  const data = overview.data;
  if (overview.isPending) return <LoadingState />;
  if (overview.isError) return <ErrorState message={errorMessage(overview.error)} onRetry={() => void overview.refetch()} />;
  if (!data) return null;
  const drifting = data.devices.filter((d) => d.driftCount > 0).length;
  return (
    <div className="space-y-8">
      <section className="space-y-2" aria-label={t("nodes.title")}>
        <h2 className="text-lg font-semibold text-white">{t("nodes.title")}</h2>
        {data.nodesError ? <ErrorState message={clusterErrorMessage(data.nodesError)} onRetry={() => void overview.refetch()} /> : null}
        {!data.nodesError && data.nodes.length === 0 ? <EmptyState title={t("nodes.empty")}>{t("nodes.emptyHint")}</EmptyState> : null}
        {data.nodes.length > 0 ? (
          <DataTable label={t("nodes.title")} columns={[t("nodes.name"), t("nodes.status"), t("nodes.kubeedge"), t("nodes.kubelet"), t("nodes.ip"), t("nodes.os"), t("nodes.age")]}>
            {data.nodes.map((n) => (
              <tr key={n.name} data-testid={`kubeedge-node-${n.name}`}>
                <td className="px-3 py-2 font-mono text-slate-100">{n.name}</td>
                <td className="px-3 py-2"><Badge tone={n.status.startsWith("Ready") ? "green" : "red"}>{n.status}</Badge></td>
                <td className="px-3 py-2"><Badge tone="sky">{n.kubeedgeVersion ? t("badgeVersion", { version: n.kubeedgeVersion }) : t("badge")}</Badge></td>
                <td className="px-3 py-2 font-mono text-xs text-slate-300">{n.kubeletVersion}</td>
                <td className="px-3 py-2 font-mono text-slate-300">{n.internalIp || "—"}</td>
                <td className="px-3 py-2 text-slate-300">{n.osImage || "—"}</td>
                <td className="px-3 py-2 text-slate-400"><RelativeTime value={n.createdAt} /></td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>

      <section className="space-y-2" aria-label={t("devices.title")}>
        <div className="flex flex-wrap items-baseline gap-3">
          <h2 className="text-lg font-semibold text-white">{t("devices.title")}</h2>
          {data.apiVersion ? <span className="font-mono text-xs text-slate-500">{t("devices.api", { version: data.apiVersion })}</span> : null}
          {data.devices.length > 0 ? (
            <span data-testid="kubeedge-drift-count" className={drifting > 0 ? "text-sm text-rose-300" : "text-sm text-emerald-300"}>
              {drifting > 0 ? t("devices.drifting", { count: drifting, total: format.number(data.devices.length) }) : t("devices.noDrift", { total: format.number(data.devices.length) })}
            </span>
          ) : null}
        </div>
        {data.devicesError ? <ErrorState message={clusterErrorMessage(data.devicesError)} onRetry={() => void overview.refetch()} /> : null}
        {!data.devicesError && !data.apiVersion ? <EmptyState title={t("devices.notInstalled")}>{t("devices.notInstalledHint")}</EmptyState> : null}
        {!data.devicesError && data.apiVersion && data.devices.length === 0 ? <EmptyState title={t("devices.empty")} /> : null}
        {data.devices.length > 0 ? (
          <DataTable label={t("devices.title")} columns={[t("devices.name"), t("devices.model"), t("devices.node"), t("devices.state"), t("devices.twins")]}>
            {data.devices.map((d) => (
              <tr key={`${d.namespace}/${d.name}`} data-testid={`kubeedge-device-${d.name}`} data-drift={d.driftCount > 0 ? "true" : "false"} className="align-top">
                <td className="px-3 py-2">
                  <div className="font-mono text-slate-100">{d.name}</div>
                  <div className="text-xs text-slate-500">{d.namespace}{d.protocol ? ` · ${d.protocol}` : ""}</div>
                </td>
                <td className="px-3 py-2 font-mono text-slate-300">{d.model ?? "—"}</td>
                <td className="px-3 py-2 font-mono text-slate-300">{d.node ?? "—"}</td>
                <td className="px-3 py-2">{d.state ? <Badge tone={d.state.toLowerCase() === "online" ? "green" : "amber"}>{d.state}</Badge> : "—"}</td>
                <td className="px-3 py-2">
                  <div className="flex flex-wrap gap-2">
                    {d.twins.map((tw) => (
                      <TwinValue key={tw.property} twin={tw} />
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>

      {data.models.length > 0 ? (
        <section className="space-y-2" aria-label={t("models.title")}>
          <h2 className="text-lg font-semibold text-white">{t("models.title")}</h2>
          <ul className="grid grid-cols-1 gap-2 md:grid-cols-2">
            {data.models.map((m) => (
              <li key={`${m.namespace}/${m.name}`} className="rounded border border-slate-800 p-3 text-sm" data-testid={`kubeedge-model-${m.name}`}>
                <div className="font-mono text-slate-100">{m.name} <span className="text-xs text-slate-500">{m.namespace}{m.protocol ? ` · ${m.protocol}` : ""}</span></div>
                <div className="mt-1 font-mono text-xs text-slate-400">
                  {m.properties.map((p) => `${p.name}: ${p.type ?? "?"}${p.accessMode ? ` (${p.accessMode})` : ""}${p.unit ? ` [${p.unit}]` : ""}`).join(", ")}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
