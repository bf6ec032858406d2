"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import type { TImportCommands } from "@/lib/shared/clusters/clusters.schema";
import { isReachableFromElsewhere } from "@/lib/shared/settings/agent-url-reach";
import { CopyButton } from "@/components/ui/copy-button";

function Command({ id, title, hint, command }: { id: string; title: string; hint: string; command: string }) {
  return (
    <div className="space-y-1">
      <p className="text-sm font-medium text-slate-200">{title}</p>
      <p className="text-xs text-slate-400">{hint}</p>
      <div className="flex items-start gap-2">
        <code data-testid={`import-command-${id}`} className="flex-1 overflow-x-auto rounded bg-slate-950 px-3 py-2 font-mono text-xs break-all whitespace-pre-wrap text-emerald-200">
          {command}
        </code>
        <CopyButton text={command} />
      </div>
    </div>
  );
}

/** The ways to install the agent, each with a copy button. Shown once per issued token; `notice` replaces the cluster token's "shown once" line. */
export function ImportCommands({ commands, caChecksum, notice }: { commands: TImportCommands; caChecksum: string; notice?: string }) {
  const t = useTranslations("clusters.import");
  const format = useFormatter();
  const agentUrl = new URL(commands.manifestUrl).origin;
  return (
    <div className="space-y-4" data-testid="import-commands">
      {isReachableFromElsewhere(agentUrl) ? null : (
        <p role="alert" data-testid="agent-url-warning" className="rounded-md border border-red-800 bg-red-950/40 px-3 py-2 text-sm text-red-200">
          {t("loopbackWarning", { url: agentUrl })}{" "}
          <Link href="/settings" className="underline hover:text-red-100">
            {t("loopbackAction")}
          </Link>
        </p>
      )}
      <p role="status" className="rounded-md border border-amber-800 bg-amber-950/40 px-3 py-2 text-sm text-amber-200">
        {notice ?? t("shownOnce", { expires: format.dateTime(new Date(commands.expiresAt), { dateStyle: "medium", timeStyle: "short" }) })}
      </p>
      {commands.curlInsecure ? <Command id="curl" title={t("curlTitle")} hint={t("curlHint")} command={commands.curlInsecure} /> : null}
      <Command id="kubectl" title={t("kubectlTitle")} hint={commands.curlInsecure ? t("kubectlHintPrivateCa") : t("kubectlHint")} command={commands.kubectl} />
      {commands.docker ? <Command id="docker" title={t("dockerTitle")} hint={t("dockerHint")} command={commands.docker} /> : null}
      {commands.systemd ? (
        <div className="space-y-2">
          <Command id="systemd" title={t("systemdTitle")} hint={t("systemdHint")} command={commands.systemd} />
          <details className="text-xs text-slate-400">
            <summary className="cursor-pointer">{t("systemdUnit")}</summary>
            <pre data-testid="import-systemd-unit" className="mt-1 overflow-x-auto rounded bg-slate-950 px-3 py-2 font-mono text-slate-300">
              {commands.systemdUnit}
            </pre>
            <a href={commands.systemdUnitUrl} download="outpost-agent.service" className="text-sky-400 underline hover:text-sky-300">
              {t("downloadUnit")}
            </a>
          </details>
        </div>
      ) : null}
      {commands.docker && commands.systemd ? null : <p className="text-xs text-amber-300">{t("bundleMissing")}</p>}
      <p className="text-xs text-slate-500">
        {caChecksum ? t("checksum", { checksum: caChecksum }) : t("publicCa")}
      </p>
    </div>
  );
}
