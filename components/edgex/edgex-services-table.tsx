"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import type { TEdgexServiceStatus } from "@/lib/shared/edgex/edgex-api.schema";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/states";
import { EdgexConfigDialog } from "./edgex-config-dialog";
import { FailureNote } from "./failure-note";
import { DataTable } from "@/components/ui/data-table";

function StatusBadge({ service }: { service: TEdgexServiceStatus }) {
  const t = useTranslations("edgex.services");
  if (service.up === null) return <Badge>{t("notProbed")}</Badge>;
  return service.up ? <Badge tone="green">{t("up")}</Badge> : <Badge tone="red">{t("down")}</Badge>;
}

/**
 * Every EdgeX service found in the cluster: up/down from its ping with the latency, its
 * version, and — for a failing service — exactly why, in its own row. Unknown services
 * (databases, brokers named edgex-*) are listed but not probed.
 */
export function EdgexServicesTable({ clusterId, services }: { clusterId: string; services: TEdgexServiceStatus[] }) {
  const t = useTranslations("edgex.services");
  const format = useFormatter();
  const [config, setConfig] = useState<{ namespace: string; name: string } | null>(null);
  return (
    <>
      <DataTable label={t("title")} columns={[t("name"), t("status"), { label: t("latency"), align: "right" }, t("version"), t("details"), { label: t("actions"), align: "right" }]}>
        {services.map((s) => (
          <tr key={`${s.namespace}/${s.name}`} data-testid={`edgex-service-${s.name}`} data-up={s.up === null ? "unknown" : String(s.up)} className={s.up === false ? "bg-rose-950/30" : undefined}>
            <td className="px-3 py-2">
              <div className="font-mono text-slate-100">{s.name}</div>
              <div className="text-xs text-slate-500">
                {s.title ?? t("unknownService")} · {s.namespace}
                {s.port ? `:${s.port}` : ""}
              </div>
            </td>
            <td className="px-3 py-2">
              <StatusBadge service={s} />
            </td>
            <td className="px-3 py-2 text-right font-mono text-slate-300">{s.latencyMs === null ? "—" : t("latencyMs", { ms: format.number(s.latencyMs) })}</td>
            <td className="px-3 py-2 font-mono text-slate-300" data-testid="edgex-service-version">
              {s.version ?? "—"}
            </td>
            <td className="px-3 py-2">{s.failure ? <FailureNote failure={s.failure} compact testId="edgex-service-failure" /> : null}</td>
            <td className="px-3 py-2 text-right">
              {s.probe === "v3" ? (
                <Button size="sm" variant="ghost" onClick={() => setConfig({ namespace: s.namespace, name: s.name })} aria-label={t("configOf", { name: s.name })}>
                  {t("config")}
                </Button>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
      <EdgexConfigDialog clusterId={clusterId} service={config} onClose={() => setConfig(null)} />
    </>
  );
}
