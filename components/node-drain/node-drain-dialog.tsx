"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { explorerKeys } from "@/lib/client/explorer/explorer-keys";
import { EVICTION_RETRY_SECONDS, type TDrainPlan, type TEvictResult } from "@/lib/shared/node-drain/node-drain.schema";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { FormError } from "@/components/ui/form-error";

type PodState = { state: "waiting" | "evicting" | "evicted" | "gone" | "skipped" } | { state: "blocked"; message: string } | { state: "failed"; message: string };
type Run = "idle" | "planning" | "ready" | "draining" | "done" | "timedOut" | "cancelled";
const TIMEOUTS = [60, 300, 900];
const CONTROL = "rounded-md border border-slate-700 bg-slate-900 px-2 py-1 text-sm text-slate-100";

/**
 * Drain a node like `kubectl drain --ignore-daemonsets --delete-emptydir-data`: the plan
 * (pods to evict, DaemonSet pods left alone), then cordon and evict each pod through the
 * Eviction subresource; a pod a PodDisruptionBudget protects shows the budget's answer and
 * is retried every 5 s until the timeout. Cancel stops at once (evicted pods stay evicted;
 * the node stays cordoned — uncordon restores scheduling).
 */
export function NodeDrainDialog({ clusterId, node }: { clusterId: string; node: string }) {
  const t = useTranslations("nodeDrain");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [run, setRun] = useState<Run>("idle");
  const [plan, setPlan] = useState<TDrainPlan | null>(null);
  const [states, setStates] = useState<Record<string, PodState>>({});
  const [timeoutS, setTimeoutS] = useState(300);
  const [error, setError] = useState<string | null>(null);
  const cancelled = useRef(false);
  const base = `/api/v1/clusters/${encodeURIComponent(clusterId)}`;
  const key = (p: { namespace: string; name: string }) => `${p.namespace}/${p.name}`;

  const start = async () => {
    setOpen(true);
    setRun("planning");
    setError(null);
    try {
      const p = await apiFetch<TDrainPlan>(`${base}/nodes/${encodeURIComponent(node)}/drain`);
      setPlan(p);
      setStates(Object.fromEntries(p.pods.map((x) => [key(x), { state: x.action === "skip" ? "skipped" : "waiting" } as PodState])));
      setRun("ready");
    } catch (e) {
      setError(errorMessage(e));
      setRun("idle");
    }
  };

  const drain = async () => {
    if (!plan) return;
    cancelled.current = false;
    setRun("draining");
    try {
      if (!plan.unschedulable) await apiFetch(`${base}/nodes/${encodeURIComponent(node)}/cordon`, { method: "POST" });
      const deadline = Date.now() + timeoutS * 1000;
      let pending = plan.pods.filter((p) => p.action === "evict");
      while (pending.length > 0) {
        const still: typeof pending = [];
        for (const p of pending) {
          if (cancelled.current) return setRun("cancelled");
          setStates((s) => ({ ...s, [key(p)]: { state: "evicting" } }));
          try {
            const r = await apiFetch<TEvictResult>(`${base}/pods/${encodeURIComponent(p.namespace)}/${encodeURIComponent(p.name)}/evict`, { method: "POST" });
            setStates((s) => ({ ...s, [key(p)]: r.outcome === "blocked" ? { state: "blocked", message: r.message ?? "" } : { state: r.outcome } }));
            if (r.outcome === "blocked") still.push(p);
          } catch (e) {
            setStates((s) => ({ ...s, [key(p)]: { state: "failed", message: errorMessage(e) } }));
          }
        }
        pending = still;
        if (pending.length === 0) break;
        if (Date.now() + EVICTION_RETRY_SECONDS * 1000 > deadline) return setRun("timedOut");
        await new Promise((r) => setTimeout(r, EVICTION_RETRY_SECONDS * 1000));
        if (cancelled.current) return setRun("cancelled");
      }
      setRun("done");
    } catch (e) {
      setError(errorMessage(e));
      setRun("ready");
    } finally {
      await queryClient.invalidateQueries({ queryKey: explorerKeys.cluster(clusterId) });
    }
  };

  const close = () => {
    cancelled.current = true;
    setOpen(false);
    setRun("idle");
  };

  return (
    <>
      <Button size="sm" variant="danger" onClick={() => void start()}>
        {t("drain")}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={t("title", { node })}
        footer={
          <>
            {run === "draining" ? <Button onClick={() => (cancelled.current = true)}>{t("cancel")}</Button> : <Button onClick={close}>{t("close")}</Button>}
            {run === "ready" ? (
              <Button variant="danger" onClick={() => void drain()}>
                {t("start")}
              </Button>
            ) : null}
          </>
        }
      >
        <p className="text-sm text-slate-300">{t("intro", { node })}</p>
        {run === "ready" ? (
          <label className="flex items-center gap-2 text-sm text-slate-300">
            {t("timeout")}
            <select className={CONTROL} value={timeoutS} onChange={(e) => setTimeoutS(Number(e.target.value))}>
              {TIMEOUTS.map((s) => (
                <option key={s} value={s}>
                  {t("seconds", { s })}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {run === "planning" ? <p className="text-sm text-slate-400">{t("planning")}</p> : null}
        {plan ? (
          <ul className="max-h-72 space-y-1 overflow-auto text-sm" aria-label={t("pods")} data-testid="drain-pods">
            {plan.pods.map((p) => {
              const s = states[key(p)] ?? { state: "waiting" };
              return (
                <li key={key(p)} className="flex flex-wrap items-baseline gap-2" data-testid={`drain-${p.name}`} data-state={s.state}>
                  <span className="font-mono">{key(p)}</span>
                  <span className={s.state === "blocked" || s.state === "failed" ? "text-amber-300" : "text-slate-400"}>{p.action === "skip" ? t(`skip.${p.skipReason ?? "daemonset"}`) : t(`state.${s.state}`)}</span>
                  {p.budget ? <span className="text-xs text-slate-500">{t("budget", { name: p.budget })}</span> : null}
                  {s.state === "blocked" || s.state === "failed" ? <span className="basis-full text-xs text-amber-200">{s.message}</span> : null}
                </li>
              );
            })}
          </ul>
        ) : null}
        {run === "done" || run === "timedOut" || run === "cancelled" ? (
          <p role="status" className="text-sm text-slate-200">
            {t(`result.${run}`)}
          </p>
        ) : null}
        <FormError message={error} />
      </Dialog>
    </>
  );
}
