"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ApiClientError } from "@/lib/client/api-client";
import { createFleetToken, fetchFleetTokens, fleetRegistrationKeys, revokeFleetToken } from "@/lib/client/fleet-registration";
import type { TCreatedFleetToken, TFleetToken } from "@/lib/shared/fleet-registration/fleet-registration.schema";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { DataTable } from "@/components/ui/data-table";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { ImportCommands } from "./import-commands";

/** Template examples: variables as the console substitutes them, the same in every language. */
const LABEL_TEMPLATE_EXAMPLE = "region=eu-north,site=${hostname}";
const NAME_TEMPLATE_DEFAULT = "${hostname}";

/** The token just created: its import commands and cloud-init, shown this once. */
function CreatedToken({ created, onClose }: { created: TCreatedFleetToken; onClose: () => void }) {
  const t = useTranslations("registration");
  const format = useFormatter();
  return (
    <div className="space-y-4 rounded-lg border border-emerald-800 p-4" data-testid="fleet-token-created">
      <h3 className="text-sm font-medium text-slate-200">{t("createdTitle", { name: created.name })}</h3>
      <ImportCommands commands={created.importCommands} caChecksum={created.caChecksum} notice={t("shownOnce", { expires: format.dateTime(new Date(created.expiresAt), { dateStyle: "medium", timeStyle: "short" }) })} />
      {created.cloudInit ? (
        <div className="space-y-1">
          <p className="text-sm font-medium text-slate-200">{t("cloudInitTitle")}</p>
          <p className="text-xs text-slate-400">{t("cloudInitHint")}</p>
          <div className="flex items-start gap-2">
            <pre data-testid="fleet-token-cloud-init" className="flex-1 overflow-x-auto rounded bg-slate-950 px-3 py-2 font-mono text-xs text-emerald-200">
              {created.cloudInit}
            </pre>
            <CopyButton text={created.cloudInit} />
          </div>
        </div>
      ) : null}
      <Button onClick={onClose}>{t("done")}</Button>
    </div>
  );
}

/** Fleet tokens: the list with use counts and status, a create form, a confirmed revoke. */
export function FleetTokens() {
  const t = useTranslations("registration");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: fleetRegistrationKeys.tokens(), queryFn: ({ signal }) => fetchFleetTokens(signal) });
  const [created, setCreated] = useState<TCreatedFleetToken | null>(null);
  const [revoking, setRevoking] = useState<TFleetToken | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: fleetRegistrationKeys.tokens() });
  const create = useMutation({ mutationFn: createFleetToken, onSuccess: async (token) => (await refresh(), setCreated(token)) });
  const revoke = useMutation({ mutationFn: (id: string) => revokeFleetToken(id), onSuccess: async () => (await refresh(), setRevoking(null)) });
  const fields = create.error instanceof ApiClientError ? create.error.fields : {};
  const items = tokens.data?.items ?? [];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const str = (k: string) => String(form.get(k) ?? "").trim();
    const maxUses = str("maxUses");
    create.mutate(
      { name: str("name"), expiresInHours: Number(str("expiresInHours") || "168"), maxUses: maxUses ? Number(maxUses) : null, labelTemplate: str("labelTemplate"), nameTemplate: str("nameTemplate") || NAME_TEMPLATE_DEFAULT, requireApproval: form.get("requireApproval") === "on" },
      { onSuccess: () => (event.target as HTMLFormElement).reset() },
    );
  }

  return (
    <section className="space-y-4" aria-labelledby="fleet-tokens">
      <h2 id="fleet-tokens" className="text-base font-semibold text-white">
        {t("tokensTitle")}
      </h2>
      {tokens.isPending ? <LoadingState /> : null}
      {tokens.isError ? <ErrorState message={errorMessage(tokens.error)} onRetry={() => void tokens.refetch()} /> : null}
      {tokens.isSuccess && items.length === 0 ? <EmptyState title={t("tokensEmptyTitle")}>{t("tokensEmptyBody")}</EmptyState> : null}
      {items.length > 0 ? (
        <DataTable label={t("tokensTitle")} dense={false} columns={[t("col.name"), t("col.templates"), t("col.uses"), t("col.expires"), t("col.state"), ""]}>
          {items.map((tok) => (
            <tr key={tok.id} data-testid={`fleet-token-row-${tok.name}`}>
              <td className="px-4 py-2">
                <div className="font-medium text-slate-200">{tok.name}</div>
                <div className="text-xs text-slate-500">{tok.requireApproval ? t("approvalOn") : t("approvalOff")}</div>
              </td>
              <td className="px-4 py-2 font-mono text-xs text-slate-300">
                <div>{tok.nameTemplate}</div>
                <div>{tok.labelTemplate}</div>
              </td>
              <td className="px-4 py-2">{tok.maxUses === null ? t("usesUnlimited", { used: tok.useCount }) : t("usesOf", { used: tok.useCount, max: tok.maxUses })}</td>
              <td className="px-4 py-2 text-sm">{format.dateTime(new Date(tok.expiresAt), { dateStyle: "medium", timeStyle: "short" })}</td>
              <td className="px-4 py-2 text-sm">{t(`status.${tok.status}`)}</td>
              <td className="px-4 py-2 text-right">
                {tok.status === "revoked" ? null : (
                  <Button variant="danger" onClick={() => (revoke.reset(), setRevoking(tok))} aria-label={t("revokeNamed", { name: tok.name })}>
                    {t("revoke")}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {created ? <CreatedToken created={created} onClose={() => setCreated(null)} /> : null}
      <form onSubmit={onSubmit} className="max-w-2xl space-y-3 rounded-lg border border-slate-800 p-4" aria-label={t("create")}>
        <h3 className="text-sm font-medium text-slate-200">{t("create")}</h3>
        <TextField name="name" label={t("tokenName")} required autoComplete="off" error={fields.name} />
        <TextField name="labelTemplate" label={t("labelTemplate")} hint={t("templateHint", { variables: "${hostname} ${machineId} ${arch} ${k3sVersion} ${labels.<key>}" })} placeholder={LABEL_TEMPLATE_EXAMPLE} className="font-mono" error={fields.labelTemplate} />
        <TextField name="nameTemplate" label={t("nameTemplate")} placeholder={NAME_TEMPLATE_DEFAULT} className="font-mono" error={fields.nameTemplate} />
        <div className="grid grid-cols-2 gap-3">
          <TextField name="expiresInHours" type="number" min={1} max={8760} defaultValue={168} label={t("expiresInHours")} error={fields.expiresInHours} />
          <TextField name="maxUses" type="number" min={1} label={t("maxUses")} hint={t("maxUsesHint")} error={fields.maxUses} />
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-300">
          <input type="checkbox" name="requireApproval" defaultChecked />
          {t("requireApproval")}
        </label>
        <FormError message={create.isError && Object.keys(fields).length === 0 ? errorMessage(create.error) : null} />
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {t("submit")}
        </Button>
      </form>
      {revoking ? (
        <ConfirmDialog
          open
          title={t("revokeTitle", { name: revoking.name })}
          body={t("revokeBody")}
          confirmLabel={t("revoke")}
          danger
          pending={revoke.isPending}
          error={revoke.isError ? errorMessage(revoke.error) : null}
          onConfirm={() => revoke.mutate(revoking.id)}
          onCancel={() => setRevoking(null)}
        />
      ) : null}
    </section>
  );
}
