"use client";

import { useTranslations } from "next-intl";
import { useUsageHistory, type UsageResource } from "@/lib/client/resource-usage/use-resource-usage";
import type { TKubeObject } from "@/lib/shared/explorer/explorer.schema";
import { cpuNanocores, formatTopCpu, formatTopMemory, memoryBytes, topMillicores, topPercent } from "@/lib/shared/resource-usage/quantity";
import { Sparkline } from "@/components/ui/sparkline";
import { DataTable } from "@/components/ui/data-table";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { UsageUnavailable } from "./usage-unavailable";

type Resources = { requests?: Record<string, string>; limits?: Record<string, string> };
type Container = { name: string; resources?: Resources };

const MIB = 2 ** 20;
/** A pod's total of one resource's requests or limits; "" when a container sets none (no total). */
function podTotal(containers: Container[], which: "requests" | "limits", resource: "cpu" | "memory"): string {
  if (containers.length === 0 || containers.some((c) => !c.resources?.[which]?.[resource])) return "";
  const sum = containers.reduce((n, c) => n + (resource === "cpu" ? cpuNanocores(c.resources?.[which]?.cpu) : memoryBytes(c.resources?.[which]?.memory)), 0);
  return resource === "cpu" ? formatTopCpu(sum) : formatTopMemory(sum);
}

/**
 * CPU and memory of one pod or node from metrics.k8s.io: the latest `kubectl top` figures
 * beside the pod's requests/limits (per container too) or the node's allocatable, and two
 * small charts of the samples seen while the page is open (one per 15 s window).
 */
export function UsagePanel({ clusterId, resource, object }: { clusterId: string; resource: UsageResource; object: TKubeObject }) {
  const t = useTranslations("usage");
  const errorMessage = useErrorMessage();
  const namespace = object.metadata?.namespace ?? "";
  const name = object.metadata?.name ?? "";
  const history = useUsageHistory(clusterId, resource, namespace, name);
  const data = history.data;
  const last = data?.samples.at(-1);
  const containers = ((object.spec as { containers?: Container[] } | undefined)?.containers ?? []);
  const alloc = (object.status as { allocatable?: { cpu?: string; memory?: string } } | undefined)?.allocatable;
  const cpuPoints = (data?.samples ?? []).map((s) => ({ t: Date.parse(s.timestamp), v: topMillicores(s.cpuNanocores) }));
  const memPoints = (data?.samples ?? []).map((s) => ({ t: Date.parse(s.timestamp), v: Math.floor(s.memoryBytes / MIB) }));

  return (
    <section className="space-y-2" aria-label={t("title")} data-testid="usage-panel">
      <h3 className="text-sm font-semibold text-slate-200">{t("title")}</h3>
      {history.isError ? <p className="text-sm text-slate-500">{errorMessage(history.error)}</p> : null}
      {data && !data.usage.available ? <UsageUnavailable usage={data.usage} /> : null}
      {data?.usage.available && !last ? <p className="text-sm text-slate-500">{t("noSample")}</p> : null}
      {last ? (
        <>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 font-mono text-xs">
            <dt className="text-slate-400">{t("cpu")}</dt>
            <dd data-testid="usage-cpu">
              {formatTopCpu(last.cpuNanocores)}
              <span className="ml-3 text-slate-500">
                {resource === "pods"
                  ? t("requestsLimits", { requests: podTotal(containers, "requests", "cpu") || t("none"), limits: podTotal(containers, "limits", "cpu") || t("none") })
                  : t("ofAllocatable", { allocatable: alloc?.cpu ?? "", percent: topPercent(topMillicores(last.cpuNanocores), topMillicores(cpuNanocores(alloc?.cpu))) })}
              </span>
            </dd>
            <dt className="text-slate-400">{t("memory")}</dt>
            <dd data-testid="usage-memory">
              {formatTopMemory(last.memoryBytes)}
              <span className="ml-3 text-slate-500">
                {resource === "pods"
                  ? t("requestsLimits", { requests: podTotal(containers, "requests", "memory") || t("none"), limits: podTotal(containers, "limits", "memory") || t("none") })
                  : t("ofAllocatable", { allocatable: alloc?.memory ?? "", percent: topPercent(last.memoryBytes, memoryBytes(alloc?.memory)) })}
              </span>
            </dd>
          </dl>
          <div className="flex flex-wrap gap-6">
            <Sparkline points={cpuPoints} label={t("cpuChart")} units={t("cpuUnit")} />
            <Sparkline points={memPoints} label={t("memoryChart")} units={t("memoryUnit")} />
          </div>
          {resource === "pods" && last.containers ? (
            <DataTable variant="kubectl" label={t("containers")} columns={["NAME", "CPU(cores)", "MEMORY(bytes)", "REQUESTS", "LIMITS"]}>
              {last.containers.map((c) => {
                const res = containers.find((s) => s.name === c.name)?.resources;
                const pair = (r?: Record<string, string>) => (r ? [r.cpu, r.memory].filter(Boolean).join(", ") : "");
                return (
                  <tr key={c.name}>
                    <td className="px-3 py-1.5">{c.name}</td>
                    <td className="px-3 py-1.5">{formatTopCpu(c.cpuNanocores)}</td>
                    <td className="px-3 py-1.5">{formatTopMemory(c.memoryBytes)}</td>
                    <td className="px-3 py-1.5 text-slate-400">{pair(res?.requests)}</td>
                    <td className="px-3 py-1.5 text-slate-400">{pair(res?.limits)}</td>
                  </tr>
                );
              })}
            </DataTable>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
