"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { objectUrl } from "@/lib/client/explorer/explorer-keys";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useErrorMessage } from "@/components/ui/use-error-message";

/**
 * A Secret's keys (never its values); an admin may reveal one value at a time after a
 * confirmation — the console audits each reveal. Revealed values live only in this view.
 */
export function SecretKeys({ clusterId, namespace, name, keys, canReveal }: { clusterId: string; namespace: string; name: string; keys: string[]; canReveal: boolean }) {
  const t = useTranslations("explorer.secrets");
  const errorMessage = useErrorMessage();
  const [asking, setAsking] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<Record<string, { value: string; encoding: string }>>({});
  const reveal = useMutation({
    mutationFn: (key: string) => apiFetch<{ key: string; value: string; encoding: string }>(objectUrl(clusterId, "secrets", namespace, name, "/reveal"), { method: "POST", body: { key } }),
    onSuccess: (result) => {
      setRevealed((r) => ({ ...r, [result.key]: { value: result.value, encoding: result.encoding } }));
      setAsking(null);
    },
  });
  if (keys.length === 0) return <p className="text-sm text-slate-500">{t("noKeys")}</p>;
  return (
    <div className="space-y-2">
      <ul className="divide-y divide-slate-800 rounded-lg border border-slate-800" aria-label={t("keys")}>
        {keys.map((key) => (
          <li key={key} className="flex items-start justify-between gap-4 px-3 py-2">
            <div className="min-w-0">
              <p className="font-mono text-sm text-slate-100">{key}</p>
              {revealed[key] ? (
                <pre className="mt-1 whitespace-pre-wrap break-all rounded bg-slate-950 p-2 font-mono text-xs text-amber-200" data-testid={`secret-value-${key}`}>
                  {revealed[key].value}
                </pre>
              ) : (
                <p className="text-xs text-slate-500">{t("hidden")}</p>
              )}
            </div>
            {canReveal && !revealed[key] ? (
              <Button size="sm" onClick={() => setAsking(key)}>
                {t("reveal")}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={asking !== null}
        title={t("revealTitle", { key: asking ?? "" })}
        body={t("revealBody", { key: asking ?? "", name })}
        confirmLabel={t("reveal")}
        pending={reveal.isPending}
        error={reveal.error ? errorMessage(reveal.error) : null}
        onConfirm={() => asking && reveal.mutate(asking)}
        onCancel={() => setAsking(null)}
      />
    </div>
  );
}
