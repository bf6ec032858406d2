"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";

/**
 * Downloads a kubeconfig for kubectl through the console — one cluster's, or the fleet's
 * (a context per cluster) when `clusterId` is omitted. The console never mints a token for
 * a download: the user pastes one of their personal API tokens (sent as the bearer, so the
 * server embeds it) or gets a placeholder to replace.
 */
export function KubeconfigDownload({ clusterId, clusterName }: { clusterId?: string; clusterName?: string }) {
  const t = useTranslations("explorer.kubeconfig");
  const [open, setOpen] = useState(false);
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);
  const url = clusterId ? `/api/v1/clusters/${encodeURIComponent(clusterId)}/kubeconfig` : "/api/v1/kubeconfig";
  const download = async () => {
    setError(null);
    const res = await fetch(url, { credentials: token ? "omit" : "same-origin", headers: token ? { authorization: `Bearer ${token.trim()}` } : undefined });
    if (!res.ok) {
      setError(res.status === 401 ? t("badToken") : t("failed"));
      return;
    }
    const blob = await res.blob();
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = clusterName ? `${clusterName}.kubeconfig.yaml` : "outpost.kubeconfig.yaml";
    a.click();
    URL.revokeObjectURL(a.href);
    setOpen(false);
    setToken("");
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
            <Button variant="primary" onClick={() => void download()}>
              {t("download")}
            </Button>
          </>
        }
      >
        <p className="text-sm text-slate-300">{t("body")}</p>
        <TextField label={t("token")} type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} hint={t("tokenHint")} error={error ?? undefined} />
      </Dialog>
    </>
  );
}
