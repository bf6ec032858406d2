"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { TKubeObject } from "@/lib/shared/explorer/explorer.schema";
import { Button } from "@/components/ui/button";
import { PodTerminal } from "./pod-terminal";

const CONTROL = "rounded-md border border-slate-700 bg-slate-900 px-2 py-1 text-sm text-slate-100 focus:border-sky-500 focus:outline-none";
/** Shells offered in the picker; `sh` exists in every image with a shell, `bash` in many. */
const COMMANDS = ["sh", "bash"] as const;

interface Session {
  id: number;
  container: string;
  command: string;
}

/** kubectl's default container: the `kubectl.kubernetes.io/default-container` annotation, else the first. */
export function defaultContainerOf(pod: TKubeObject): string {
  const containers = ((pod.spec as { containers?: Array<{ name: string }> } | undefined)?.containers ?? []).map((c) => c.name);
  const annotated = pod.metadata?.annotations?.["kubectl.kubernetes.io/default-container"];
  return annotated && containers.includes(annotated) ? annotated : (containers[0] ?? "");
}

/**
 * Shells in a pod's containers, several at once in tabs: pick a container (the default one
 * preselected) and a shell, open; each tab is its own session. One session opens when the
 * panel first shows. Rendered only for operators and admins.
 */
export function PodShellPanel({ clusterId, namespace, pod }: { clusterId: string; namespace: string; pod: TKubeObject }) {
  const t = useTranslations("podShell");
  const name = pod.metadata?.name ?? "";
  const containers = ((pod.spec as { containers?: Array<{ name: string }> } | undefined)?.containers ?? []).map((c) => c.name);
  const [container, setContainer] = useState(() => defaultContainerOf(pod));
  const [command, setCommand] = useState<string>("sh");
  const [sessions, setSessions] = useState<Session[]>(() => [{ id: 1, container: defaultContainerOf(pod), command: "sh" }]);
  const [active, setActive] = useState(1);
  const open = () => {
    const id = Math.max(0, ...sessions.map((s) => s.id)) + 1;
    setSessions([...sessions, { id, container, command }]);
    setActive(id);
  };
  const close = (id: number) => {
    const rest = sessions.filter((s) => s.id !== id);
    setSessions(rest);
    if (active === id) setActive(rest.at(-1)?.id ?? 0);
  };

  return (
    <section className="space-y-3" role="tabpanel" aria-label={t("title")}>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-xs text-slate-400">
          {t("container")}
          <select className={CONTROL} value={container} onChange={(e) => setContainer(e.target.value)} data-testid="shell-container">
            {containers.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-400">
          {t("command")}
          <select className={CONTROL} value={command} onChange={(e) => setCommand(e.target.value)}>
            {COMMANDS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <Button size="sm" onClick={open}>
          {t("open")}
        </Button>
        <p className="text-xs text-slate-500">{t("hint")}</p>
      </div>
      {sessions.length > 0 ? (
        <div role="tablist" aria-label={t("sessions")} className="flex flex-wrap gap-1 border-b border-slate-800">
          {sessions.map((s) => (
            <span key={s.id} className={`-mb-px flex items-center border-b-2 ${s.id === active ? "border-sky-400" : "border-transparent"}`}>
              <button type="button" role="tab" aria-selected={s.id === active} className={`px-2 py-1 font-mono text-xs ${s.id === active ? "text-white" : "text-slate-400 hover:text-white"}`} onClick={() => setActive(s.id)}>
                {t("sessionLabel", { n: s.id, container: s.container, command: s.command })}
              </button>
              <button type="button" className="px-1 text-xs text-slate-500 hover:text-white" aria-label={t("closeSession", { n: s.id })} onClick={() => close(s.id)}>
                ×
              </button>
            </span>
          ))}
        </div>
      ) : (
        <p className="text-sm text-slate-500">{t("none", { name })}</p>
      )}
      {sessions.map((s) => (
        <PodTerminal key={s.id} clusterId={clusterId} namespace={namespace} pod={name} container={s.container} command={s.command} active={s.id === active} />
      ))}
    </section>
  );
}
