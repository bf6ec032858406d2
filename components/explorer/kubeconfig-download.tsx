"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import type { TApiToken } from "@/lib/shared/api-tokens/api-tokens.schema";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";

const EXPIRY_DAYS = [7, 30, 90] as const;

/**
 * Downloads a kubeconfig for kubectl through the console — one cluster's, or the fleet's
 * (a context per cluster) when `clusterId` is omitted. By default the dialog creates a
 * personal API token for the file (named after the cluster, expiring; it acts as the user,
 * with the user's role — the narrowest scope tokens have), or the user pastes one they
 * already have. The token is sent once as the bearer so the server embeds it.
 */
export function KubeconfigDownload({ clusterId, clusterName }: { clusterId?: string; clusterName?: string }) {
  const t = useTranslations("explorer.kubeconfig");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<"create" | "paste">("create");
  const defaultName = `kubeconfig ${clusterName ?? t("fleetTokenName")}`;
  const [tokenName, setTokenName] = useState(defaultName);
  const [ttlDays, setTtlDays] = useState<number>(30);
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const url = clusterId ? `/api/v1/clusters/${encodeURIComponent(clusterId)}/kubeconfig` : "/api/v1/kubeconfig";

  const fetchFile = async (bearer: string) => {
    const res = await fetch(url, { credentials: bearer ? "omit" : "same-origin", headers: bearer ? { authorization: `Bearer ${bearer}` } : undefined });
    if (!res.ok) throw new Error(res.status === 401 ? t("badToken") : t("failed"));
    const blob = await res.blob();
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = clusterName ? `${clusterName}.kubeconfig.yaml` : "outpost.kubeconfig.yaml";
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const download = async () => {
    setError(null);
    setBusy(true);
    try {
      if (mode === "create") {
        const created = await apiFetch<TApiToken & { token: string }>("/api/v1/tokens", { method: "POST", body: { name: tokenName.trim() || defaultName, ttlDays } });
        await queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens() });
        await fetchFile(created.token);
      } else {
        await fetchFile(token.trim());
      }
      setOpen(false);
      setToken("");
    } catch (e) {
      setError(e instanceof Error && !("code" in e) ? e.message : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        {clusterId ? t("button") : t("fleetButton")}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={clusterId ? t("title", { name: clusterName ?? clusterId }) : t("fleetTitle")}
        footer={
          <>
            <Button onClick={() => setOpen(false)}>{t("cancel")}</Button>
            <Button variant="primary" disabled={busy} onClick={() => void download()}>
              {mode === "create" ? t("createAndDownload") : t("download")}
            </Button>
          </>
        }
      >
        <p className="text-sm text-slate-300">{t("body")}</p>
        <fieldset className="space-y-2 text-sm text-slate-200">
          <legend className="sr-only">{t("tokenChoice")}</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="kubeconfig-token" checked={mode === "create"} onChange={() => setMode("create")} />
            {t("createToken")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="kubeconfig-token" checked={mode === "paste"} onChange={() => setMode("paste")} />
            {t("pasteToken")}
          </label>
        </fieldset>
        {mode === "create" ? (
          <div className="space-y-3">
            <TextField label={t("tokenName")} value={tokenName} maxLength={100} onChange={(e) => setTokenName(e.target.value)} />
            <SelectField label={t("expiry")} value={String(ttlDays)} onChange={(e) => setTtlDays(Number(e.target.value))}>
              {EXPIRY_DAYS.map((d) => (
                <option key={d} value={d}>
                  {t("expiryDays", { count: d })}
                </option>
              ))}
            </SelectField>
            <p className="text-xs text-slate-400">{t("createHint")}</p>
          </div>
        ) : (
          <TextField label={t("token")} type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} hint={t("tokenHint")} />
        )}
        {error ? (
          <p role="alert" className="text-sm text-rose-300">
            {error}
          </p>
        ) : null}
      </Dialog>
    </>
  );
}
