"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { apiFetch, ApiClientError } from "@/lib/client/api-client";
import { fleetKeys } from "@/lib/client/fleet/fleet-keys";
import type { TUpdateWebhook, TWebhookSettings } from "@/lib/shared/fleet/fleet-api.schema";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";

function WebhookForm({ settings }: { settings: TWebhookSettings }) {
  const t = useTranslations("alerts.webhook");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState(settings.enabled);
  const [url, setUrl] = useState(settings.url ?? "");
  const [secret, setSecret] = useState("");
  const [removeSecret, setRemoveSecret] = useState(false);
  const save = useMutation({
    mutationFn: (body: TUpdateWebhook) => apiFetch<TWebhookSettings>("/api/v1/fleet/webhook", { method: "PUT", body }),
    onSuccess: (data) => {
      queryClient.setQueryData(fleetKeys.webhook(), data);
      setSecret("");
      setRemoveSecret(false);
    },
  });
  const test = useMutation({
    mutationFn: () => apiFetch<TWebhookSettings>("/api/v1/fleet/webhook/test", { method: "POST" }),
    onSuccess: (data) => queryClient.setQueryData(fleetKeys.webhook(), data),
  });
  const fields = save.error instanceof ApiClientError ? save.error.fields : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ enabled, url: url.trim() || null, ...(removeSecret ? { secret: null } : secret ? { secret } : {}) });
  };
  return (
    <form onSubmit={submit} className="max-w-xl space-y-3" aria-label={t("title")}>
      <label className="flex items-center gap-2 text-sm text-slate-200">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        {t("enabled")}
      </label>
      <TextField label={t("url")} value={url} onChange={(e) => setUrl(e.target.value)} placeholder={t("urlPlaceholder")} error={fields.url} />
      <TextField
        label={t("secret")}
        type="password"
        autoComplete="off"
        value={secret}
        onChange={(e) => setSecret(e.target.value)}
        hint={settings.hasSecret ? t("secretKept") : t("secretHint")}
        error={fields.secret}
      />
      {settings.hasSecret ? (
        <label className="flex items-center gap-2 text-sm text-slate-300">
          <input type="checkbox" checked={removeSecret} onChange={(e) => setRemoveSecret(e.target.checked)} />
          {t("removeSecret")}
        </label>
      ) : null}
      {save.isError && !Object.keys(fields).length ? <ErrorState message={errorMessage(save.error)} /> : null}
      {test.isError ? <ErrorState message={errorMessage(test.error)} /> : null}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {t("save")}
        </Button>
        <Button disabled={test.isPending || !settings.url} onClick={() => test.mutate()}>
          {t("test")}
        </Button>
        {save.isSuccess ? <span role="status" className="self-center text-sm text-emerald-300">{t("saved")}</span> : null}
      </div>
      {settings.lastDeliveryAt ? (
        <p className="text-sm text-slate-400" data-testid="webhook-last-delivery">
          {t("lastDelivery", {
            time: format.dateTime(new Date(settings.lastDeliveryAt), { dateStyle: "short", timeStyle: "medium" }),
            status: settings.lastDeliveryStatus ?? "",
          })}
          {settings.lastDeliveryError ? ` · ${settings.lastDeliveryError}` : ""}
        </p>
      ) : null}
    </form>
  );
}

/** The admin's outbound alert webhook (JSON POST, retried with backoff, optionally signed). */
export function WebhookSettings() {
  const t = useTranslations("alerts.webhook");
  const errorMessage = useErrorMessage();
  const settings = useQuery({ queryKey: fleetKeys.webhook(), queryFn: () => apiFetch<TWebhookSettings>("/api/v1/fleet/webhook") });
  return (
    <section className="space-y-3">
      <div>
        <h2 className="text-lg font-semibold text-white">{t("title")}</h2>
        <p className="text-sm text-slate-400">{t("description")}</p>
      </div>
      {settings.isPending ? <LoadingState /> : null}
      {settings.isError ? <ErrorState message={errorMessage(settings.error)} onRetry={() => void settings.refetch()} /> : null}
      {settings.data ? <WebhookForm key={settings.data.updatedAt ?? "new"} settings={settings.data} /> : null}
    </section>
  );
}
