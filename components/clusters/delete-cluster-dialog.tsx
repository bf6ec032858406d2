"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { clusterKeys } from "@/lib/client/clusters";
import type { TCluster } from "@/lib/shared/clusters/clusters.schema";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";

/** A shell command, the same in every language. */
const REMOVE_AGENT_COMMAND = "kubectl delete namespace outpost-system";

/** Deleting a cluster asks for its name: it revokes the agent and cannot be undone. */
export function DeleteClusterDialog({ cluster, open, onClose }: { cluster: TCluster; open: boolean; onClose: () => void }) {
  const t = useTranslations("clusters.delete");
  const errorMessage = useErrorMessage();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState("");
  const remove = useMutation({
    mutationFn: () => apiFetch(`/api/v1/clusters/${cluster.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: clusterKeys.all() });
      router.replace("/clusters");
      router.refresh();
    },
  });
  return (
    <ConfirmDialog
      open={open}
      title={t("title", { name: cluster.name })}
      body={
        <div className="space-y-3">
          <p>{t("body")}</p>
          <p className="font-mono text-xs text-slate-400">{REMOVE_AGENT_COMMAND}</p>
          <TextField label={t("typeName", { name: cluster.name })} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        </div>
      }
      confirmLabel={t("confirm")}
      danger
      pending={remove.isPending || typed !== cluster.name}
      error={remove.error ? errorMessage(remove.error) : null}
      onConfirm={() => remove.mutate()}
      onCancel={() => {
        setTyped("");
        onClose();
      }}
    />
  );
}
