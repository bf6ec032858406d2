"use client";

import { useTranslations } from "next-intl";
import type { TKubeObject } from "@/lib/shared/explorer/explorer.schema";
import { StatusText } from "./status-text";
import { DataTable } from "@/components/ui/data-table";

interface ContainerStatus {
  name: string;
  image?: string;
  ready?: boolean;
  restartCount?: number;
  state?: { running?: unknown; waiting?: { reason?: string }; terminated?: { reason?: string; exitCode?: number } };
  lastState?: { terminated?: { reason?: string; exitCode?: number } };
}

function stateText(s: ContainerStatus | undefined): string {
  if (!s?.state) return "Waiting";
  if (s.state.running) return "Running";
  if (s.state.waiting) return s.state.waiting.reason ?? "Waiting";
  if (s.state.terminated) return s.state.terminated.reason ?? `ExitCode:${s.state.terminated.exitCode ?? 0}`;
  return "Waiting";
}

/** kubectl describe's "Last State" in one cell: "Terminated: Error (exit 1)". */
function lastStateText(s: ContainerStatus | undefined): string {
  const last = s?.lastState?.terminated;
  return last ? `Terminated: ${last.reason ?? "Unknown"} (exit ${last.exitCode ?? "?"})` : "";
}

/** The containers of a pod (init containers first) with image, readiness, restarts and state. */
export function PodContainers({ pod }: { pod: TKubeObject }) {
  const t = useTranslations("explorer.detail");
  const spec = pod.spec as { containers?: Array<{ name: string; image?: string }>; initContainers?: Array<{ name: string; image?: string }> } | undefined;
  const status = pod.status as { containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[] } | undefined;
  const rows = [
    ...(spec?.initContainers ?? []).map((c) => ({ ...c, init: true, status: status?.initContainerStatuses?.find((s) => s.name === c.name) })),
    ...(spec?.containers ?? []).map((c) => ({ ...c, init: false, status: status?.containerStatuses?.find((s) => s.name === c.name) })),
  ];
  return (
    <DataTable variant="kubectl" label={t("containers")} columns={["NAME", "IMAGE", "READY", "RESTARTS", "STATE", "LAST STATE"]}>
      {rows.map((c) => (
        <tr key={`${c.init ? "init" : "main"}-${c.name}`}>
          <td className="px-3 py-1.5">
            {c.name}
            {c.init ? <span className="ml-2 text-slate-500">{t("initContainer")}</span> : null}
          </td>
          <td className="max-w-md px-3 py-1.5 break-all">{c.image ?? ""}</td>
          <td className="px-3 py-1.5">{String(c.status?.ready ?? false)}</td>
          <td className="px-3 py-1.5">{c.status?.restartCount ?? 0}</td>
          <td className="px-3 py-1.5">
            <StatusText status={stateText(c.status)} />
          </td>
          <td className="px-3 py-1.5 text-slate-400">{lastStateText(c.status)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
