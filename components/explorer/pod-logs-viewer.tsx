"use client";

import { useTranslations } from "next-intl";
import { Fragment, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { podLogsUrl, usePodLogs, type PodLogOptions } from "@/lib/client/explorer/use-pod-logs";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";

const TAILS = [100, 500, 1000, 5000];
const CONTROL = "rounded-md border border-slate-700 bg-slate-900 px-2 py-1 text-sm text-slate-100 focus:border-sky-500 focus:outline-none";

function highlight(line: string, needle: string): ReactNode {
  if (!needle) return line;
  const lower = line.toLowerCase();
  const parts: ReactNode[] = [];
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, from)) {
    parts.push(line.slice(from, at), <mark key={at} className="rounded-sm bg-amber-400/80 text-slate-950">{line.slice(at, at + needle.length)}</mark>);
    from = at + needle.length;
  }
  parts.push(line.slice(from));
  return parts.map((p, i) => <Fragment key={i}>{p}</Fragment>);
}

/**
 * A pod's logs: container picker, tail lines, follow (streamed; leaving stops it upstream),
 * timestamps, previous container, search with highlight, and download of the same tail.
 */
export function PodLogsViewer({ clusterId, namespace, name, containers }: { clusterId: string; namespace: string; name: string; containers: string[] }) {
  const t = useTranslations("explorer.logs");
  const errorMessage = useErrorMessage();
  const [opts, setOpts] = useState<PodLogOptions>({ container: containers[0] ?? "", tailLines: 500, follow: true, timestamps: false, previous: false });
  const [search, setSearch] = useState("");
  const { lines, error, streaming, reload } = usePodLogs(clusterId, namespace, name, opts);
  const needle = search.trim().toLowerCase();
  const matches = useMemo(() => (needle ? lines.filter((l) => l.toLowerCase().includes(needle)).length : 0), [lines, needle]);
  const boxRef = useRef<HTMLPreElement>(null);
  const stick = useRef(true);
  useEffect(() => {
    const box = boxRef.current;
    if (box && stick.current) box.scrollTop = box.scrollHeight;
  }, [lines]);
  const set = (patch: Partial<PodLogOptions>) => setOpts((o) => ({ ...o, ...patch }));

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3 text-xs text-slate-400">
        <label className="space-y-1">
          <span className="block">{t("container")}</span>
          <select className={CONTROL} value={opts.container} onChange={(e) => set({ container: e.target.value })}>
            {containers.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block">{t("tailLines")}</span>
          <select className={CONTROL} value={opts.tailLines} onChange={(e) => set({ tailLines: Number(e.target.value) })}>
            {TAILS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        {(["follow", "timestamps", "previous"] as const).map((key) => (
          <label key={key} className="flex items-center gap-1.5 pb-1 text-sm text-slate-300">
            <input type="checkbox" checked={opts[key]} onChange={(e) => set({ [key]: e.target.checked })} />
            {t(key)}
          </label>
        ))}
        <label className="space-y-1">
          <span className="block">{t("search")}</span>
          <input type="search" className={`${CONTROL} w-56`} value={search} placeholder={t("searchPlaceholder")} onChange={(e) => setSearch(e.target.value)} />
        </label>
        {needle ? <span className="pb-1.5" aria-live="polite">{t("matches", { count: matches })}</span> : null}
        <div className="ml-auto flex items-center gap-2 pb-0.5">
          <span className={`text-xs ${streaming && opts.follow ? "text-emerald-300" : "text-slate-500"}`} data-testid="logs-state">
            {streaming ? (opts.follow ? t("following") : t("loading")) : t("ended")}
          </span>
          <Button size="sm" onClick={reload}>
            {t("reload")}
          </Button>
          <a className="rounded-md border border-slate-700 bg-slate-800 px-2.5 py-1 text-xs font-medium text-slate-100 hover:bg-slate-700" href={podLogsUrl(clusterId, namespace, name, opts, true)} download>
            {t("download")}
          </a>
        </div>
      </div>
      {error ? <ErrorState message={errorMessage(error)} onRetry={reload} /> : null}
      <pre
        ref={boxRef}
        tabIndex={0}
        aria-label={t("label", { name })}
        data-testid="pod-logs"
        onScroll={(e) => {
          const box = e.currentTarget;
          stick.current = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
        }}
        className="h-[60vh] overflow-auto rounded-lg border border-slate-800 bg-slate-950 p-3 font-mono text-xs leading-5 text-slate-200"
      >
        {lines.length === 0 && !streaming ? <span className="text-slate-500">{t("empty")}</span> : null}
        {lines.map((line, i) => (
          <div key={i} className={needle && line.toLowerCase().includes(needle) ? "bg-amber-950/40" : undefined}>
            {highlight(line, needle)}
          </div>
        ))}
      </pre>
    </div>
  );
}
