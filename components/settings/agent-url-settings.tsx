"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { apiFetch, ApiClientError } from "@/lib/client/api-client";
import { settingsKeys } from "@/lib/client/settings";
import { isReachableFromElsewhere } from "@/lib/shared/settings/agent-url-reach";
import type { TAgentServerUrlSettings } from "@/lib/shared/settings/settings.schema";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";

const FIELD_MESSAGES = { unresolvable: "unresolvable", certificate: "certificate" } as const;

// The form remounts when the setting changes (its key is the setting's version), so what
// was just saved is kept by the parent.
function AgentUrlForm({ settings, saved, setSaved }: { settings: TAgentServerUrlSettings; saved: TAgentServerUrlSettings | null; setSaved: (s: TAgentServerUrlSettings | null) => void }) {
  const t = useTranslations("settings.agentUrl");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState(settings.url);
  const onSuccess = (data: TAgentServerUrlSettings) => {
    queryClient.setQueryData(settingsKeys.agentUrl(), data);
    setUrl(data.url);
    setSaved(data);
  };
  const save = useMutation({ mutationFn: (value: string) => apiFetch<TAgentServerUrlSettings>("/api/v1/settings/agent-url", { method: "PUT", body: { url: value } }), onSuccess });
  const revert = useMutation({ mutationFn: () => apiFetch<TAgentServerUrlSettings>("/api/v1/settings/agent-url", { method: "DELETE" }), onSuccess });
  const fieldCode = save.error instanceof ApiClientError ? save.error.fields.url : undefined;
  const fieldError = fieldCode ? t(fieldCode in FIELD_MESSAGES ? FIELD_MESSAGES[fieldCode as keyof typeof FIELD_MESSAGES] : "invalid") : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    save.mutate(url.trim());
  };
  return (
    <form onSubmit={submit} className="max-w-xl space-y-3" aria-label={t("title")}>
      <p className="text-sm text-slate-400">{t("intro")}</p>
      <p className="text-sm text-slate-300" data-testid="agent-url-current">
        {t("current", { url: settings.url, source: settings.source === "setting" ? t("fromSetting") : t("fromEnvironment") })}
      </p>
      <TextField label={t("label")} name="url" value={url} onChange={(e) => setUrl(e.target.value)} hint={t("hint")} error={fieldError} autoComplete="off" spellCheck={false} />
      {isReachableFromElsewhere(url) ? null : (
        <p role="alert" className="text-sm text-amber-300">
          {t("loopback")}
        </p>
      )}
      {save.isError && !fieldCode ? <ErrorState message={errorMessage(save.error)} /> : null}
      {revert.isError ? <ErrorState message={errorMessage(revert.error)} /> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {t("save")}
        </Button>
        {settings.source === "setting" ? (
          <Button disabled={revert.isPending} onClick={() => revert.mutate()}>
            {t("revert")}
          </Button>
        ) : null}
        {saved ? (
          <span role="status" className="self-center text-sm text-emerald-300">
            {saved.certificateReissued ? t("reissued") : t("saved")}
          </span>
        ) : null}
      </div>
      <p className="text-xs text-slate-500">{t("environment", { url: settings.environmentUrl })}</p>
    </form>
  );
}

/** The URL agents dial (admin), like Rancher's server-url setting. */
export function AgentUrlSettings() {
  const t = useTranslations("settings.agentUrl");
  const errorMessage = useErrorMessage();
  const query = useQuery({ queryKey: settingsKeys.agentUrl(), queryFn: ({ signal }) => apiFetch<TAgentServerUrlSettings>("/api/v1/settings/agent-url", { signal }) });
  const [saved, setSaved] = useState<TAgentServerUrlSettings | null>(null);
  return (
    <section className="space-y-3" aria-labelledby="agent-url-title">
      <h2 id="agent-url-title" className="text-lg font-semibold text-slate-100">
        {t("title")}
      </h2>
      {query.isPending ? <LoadingState /> : query.isError ? <ErrorState message={errorMessage(query.error)} /> : <AgentUrlForm key={query.data.updatedAt ?? "env"} settings={query.data} saved={saved} setSaved={setSaved} />}
    </section>
  );
}
