"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatReading } from "@/lib/shared/edgex/format-reading";
import { useEdgexReadCommand } from "@/lib/client/edgex/use-edgex-commands";
import { Button } from "@/components/ui/button";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { FailureNote } from "./failure-note";

/** Runs a read (GET) command when asked and shows the values it returned. */
export function EdgexReadCommand({ clusterId, device, command }: { clusterId: string; device: string; command: string }) {
  const t = useTranslations("edgex.commands");
  const errorMessage = useErrorMessage();
  const read = useEdgexReadCommand(clusterId, device, command);
  const locale = useLocale();
  return (
    <div className="space-y-1">
      <Button size="sm" onClick={() => read.mutate()} disabled={read.isPending} aria-label={t("readOf", { command })}>
        {read.isPending ? t("reading") : t("read")}
      </Button>
      {read.isError ? <p className="text-xs text-rose-400">{errorMessage(read.error)}</p> : null}
      {read.data?.failure ? <FailureNote failure={read.data.failure} compact /> : null}
      {read.data && !read.data.failure ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 font-mono text-xs" data-testid={`edgex-command-value-${command}`}>
          {read.data.readings.map((r) => (
            <div key={r.resourceName} className="contents">
              <dt className="text-slate-400">{r.resourceName}</dt>
              <dd className="text-slate-100" data-testid={`edgex-value-${r.resourceName}`}>
                {[formatReading(r.value, r.valueType, locale), r.units].filter(Boolean).join(" ")}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
