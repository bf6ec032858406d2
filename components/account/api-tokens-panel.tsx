"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import type { TApiToken, TCreateApiToken } from "@/lib/shared/api-tokens/api-tokens.schema";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { CopyButton } from "@/components/ui/copy-button";
import { usePastRelativeTime } from "@/components/ui/time";

/** Personal API tokens: create (value shown once), list, revoke. */
export function ApiTokensPanel() {
  const t = useTranslations("tokens");
  const format = useFormatter();
  const ago = usePastRelativeTime();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<TApiToken | null>(null);
  const tokens = useQuery({ queryKey: queryKeys.apiTokens(), queryFn: () => apiFetch<{ items: TApiToken[] }>("/api/v1/tokens") });
  const create = useMutation({
    mutationFn: (body: TCreateApiToken) => apiFetch<TApiToken & { token: string }>("/api/v1/tokens", { method: "POST", body }),
    onSuccess: async (data) => {
      setCreated(data.token);
      await queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens() });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/tokens/${id}`, { method: "DELETE" }),
    onSuccess: async () => {
      setRevoking(null);
      await queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens() });
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const ttl = String(form.get("ttlDays") ?? "");
    create.mutate({ name: String(form.get("name") ?? "").trim(), ttlDays: ttl ? Number(ttl) : null });
    event.currentTarget.reset();
  }

  return (
    <section className="space-y-4">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
        <div className="w-64">
          <TextField label={t("name")} name="name" required maxLength={100} />
        </div>
        <div className="w-40">
          <TextField label={t("ttlDays")} name="ttlDays" type="number" min={1} max={3650} placeholder={t("noExpiry")} />
        </div>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {t("create")}
        </Button>
      </form>
      {create.error ? <ErrorState message={errorMessage(create.error)} /> : null}
      {created ? (
        <div role="status" className="space-y-2 rounded-lg border border-emerald-800 bg-emerald-950/40 p-4 text-sm">
          <p className="text-emerald-200">{t("createdOnce")}</p>
          <div className="flex items-center gap-2">
            <code data-testid="new-token" className="flex-1 overflow-x-auto rounded bg-slate-950 px-2 py-1 font-mono text-xs text-slate-100">
              {created}
            </code>
            <CopyButton text={created} />
          </div>
        </div>
      ) : null}
      {tokens.isPending ? <LoadingState /> : null}
      {tokens.isError ? <ErrorState message={errorMessage(tokens.error)} onRetry={() => void tokens.refetch()} /> : null}
      {tokens.data?.items.length === 0 ? <EmptyState title={t("empty")} /> : null}
      {tokens.data && tokens.data.items.length > 0 ? (
        <ul className="divide-y divide-slate-800 rounded-lg border border-slate-800">
          {tokens.data.items.map((token) => (
            <li key={token.id} className="flex items-center justify-between gap-4 px-4 py-2 text-sm">
              <div>
                <p className="font-medium text-slate-100">{token.name}</p>
                <p className="font-mono text-xs text-slate-500">
                  {token.prefix}… ·{" "}
                  {token.expiresAt ? t("expires", { date: format.dateTime(new Date(token.expiresAt), { dateStyle: "medium" }) }) : t("neverExpires")} ·{" "}
                  {token.lastUsedAt ? t("lastUsed", { when: ago(token.lastUsedAt) }) : t("neverUsed")}
                </p>
              </div>
              <Button size="sm" variant="danger" onClick={() => setRevoking(token)}>
                {t("revoke")}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <ConfirmDialog
        open={revoking !== null}
        title={t("revokeTitle")}
        body={t("revokeBody", { name: revoking?.name ?? "" })}
        confirmLabel={t("revoke")}
        danger
        pending={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error) : null}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        onCancel={() => setRevoking(null)}
      />
    </section>
  );
}
