"use client";

import { useTranslations } from "next-intl";
import { usePodLogs } from "@/lib/client/explorer/use-pod-logs";
import { podTrouble, type ContainerTrouble } from "@/lib/shared/explorer/pod-trouble";
import type { TKubeObject } from "@/lib/shared/explorer/explorer.schema";
import { RelativeTime } from "@/components/ui/time";
import { useErrorMessage } from "@/components/ui/use-error-message";

const PREVIOUS_LOG_LINES = 20;

function PreviousLog({ clusterId, namespace, pod, container }: { clusterId: string; namespace: string; pod: string; container: string }) {
  const t = useTranslations("explorer.trouble");
  const errorMessage = useErrorMessage();
  const log = usePodLogs(clusterId, namespace, pod, { container, tailLines: PREVIOUS_LOG_LINES, follow: false, timestamps: false, previous: true });
  return (
    <div className="space-y-1">
      <p className="text-xs text-slate-400">{t("previousLog", { count: PREVIOUS_LOG_LINES })}</p>
      {log.error ? <p className="text-xs text-rose-300">{errorMessage(log.error)}</p> : null}
      {!log.error && log.lines.length === 0 ? <p className="text-xs text-slate-500">{log.streaming ? t("loadingLog") : t("emptyLog")}</p> : null}
      {log.lines.length > 0 ? (
        <pre className="max-h-64 overflow-auto rounded bg-slate-950 p-2 font-mono text-xs whitespace-pre-wrap break-all text-slate-200" data-testid="pod-trouble-log">
          {log.lines.join("\n")}
        </pre>
      ) : null}
    </div>
  );
}

function TroubleCard({ clusterId, namespace, pod, trouble }: { clusterId: string; namespace: string; pod: string; trouble: ContainerTrouble }) {
  const t = useTranslations("explorer.trouble");
  const last = trouble.lastTerminated;
  return (
    <section className="space-y-3 rounded-lg border border-rose-800 bg-rose-950/30 p-4" data-testid={`pod-trouble-${trouble.container}`} aria-label={t("title", { container: trouble.container })}>
      <h3 className="text-sm font-semibold text-rose-200">
        {trouble.init ? t("titleInit", { container: trouble.container }) : t("title", { container: trouble.container })}
      </h3>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-xs text-slate-400">{t("reason")}</dt>
        <dd>
          <span className="font-mono text-rose-300" data-testid="pod-trouble-reason">{trouble.reason}</span>
          {trouble.message ? <span className="ml-2 text-xs break-all text-slate-400">{trouble.message}</span> : null}
        </dd>
        <dt className="text-xs text-slate-400">{t("restarts")}</dt>
        <dd className="font-mono">{trouble.restarts}</dd>
        {last ? (
          <>
            <dt className="text-xs text-slate-400">{t("lastState")}</dt>
            <dd data-testid="pod-trouble-last-state">
              <span className="font-mono">{t("terminated", { reason: last.reason ?? "—" })}</span>
              {last.exitCode !== null ? <span className="ml-3 font-mono">{t("exitCode", { code: last.exitCode })}</span> : null}
              {last.signal !== null ? <span className="ml-3 font-mono">{t("signal", { signal: last.signal })}</span> : null}
              {last.finishedAt ? (
                <span className="ml-3 text-xs text-slate-400">
                  {t("finished")} <RelativeTime value={last.finishedAt} />
                </span>
              ) : null}
            </dd>
            {last.message ? (
              <>
                <dt className="text-xs text-slate-400">{t("message")}</dt>
                <dd className="text-xs break-all text-slate-300">{last.message}</dd>
              </>
            ) : null}
          </>
        ) : null}
      </dl>
      {trouble.hasPreviousLog ? <PreviousLog clusterId={clusterId} namespace={namespace} pod={pod} container={trouble.container} /> : null}
    </section>
  );
}

/**
 * Why a pod's containers fail, at the top of its page: the waiting reason, restarts, the
 * last state (reason, exit code, when) and the previous container's last log lines — what
 * `kubectl describe pod` and `kubectl logs --previous` would show. Nothing for a healthy pod.
 */
export function PodTrouble({ clusterId, pod }: { clusterId: string; pod: TKubeObject }) {
  const troubles = podTrouble(pod);
  const namespace = pod.metadata?.namespace ?? "";
  const name = pod.metadata?.name ?? "";
  if (troubles.length === 0) return null;
  return (
    <div className="space-y-3">
      {troubles.map((trouble) => (
        <TroubleCard key={`${trouble.init ? "init" : "main"}-${trouble.container}`} clusterId={clusterId} namespace={namespace} pod={name} trouble={trouble} />
      ))}
    </div>
  );
}
