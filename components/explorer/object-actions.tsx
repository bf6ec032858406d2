"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { explorerKeys, objectUrl } from "@/lib/client/explorer/explorer-keys";
import type { TKubeObject } from "@/lib/shared/explorer/explorer.schema";
import type { TExplorerResource } from "@/lib/shared/explorer/resources";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { FormError } from "@/components/ui/form-error";

type Action = "delete" | "restart" | "scale" | "cordon" | "uncordon" | "pause" | "resume";

const REQUEST: Record<Action, { method: "POST" | "DELETE"; suffix: string }> = {
  delete: { method: "DELETE", suffix: "" },
  restart: { method: "POST", suffix: "/restart" },
  scale: { method: "POST", suffix: "/scale" },
  cordon: { method: "POST", suffix: "/cordon" },
  uncordon: { method: "POST", suffix: "/uncordon" },
  pause: { method: "POST", suffix: "/pause" },
  resume: { method: "POST", suffix: "/resume" },
};

/**
 * The actions an operator or admin may take on an object — delete pod, rollout restart,
 * scale and pause/resume a Deployment, cordon/uncordon a node — each behind a confirmation. Rendered only
 * for roles that may act (the API refuses the others anyway); every action is audited.
 */
export function ObjectActions({ clusterId, resource, object }: { clusterId: string; resource: TExplorerResource; object: TKubeObject }) {
  const t = useTranslations("explorer.actions");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Action | null>(null);
  const name = object.metadata?.name ?? "";
  const namespace = object.metadata?.namespace ?? "";
  const currentReplicas = Number((object.spec as { replicas?: number } | undefined)?.replicas ?? 1);
  const [replicas, setReplicas] = useState(String(currentReplicas));
  const mutation = useMutation({
    mutationFn: (action: Action) =>
      apiFetch(objectUrl(clusterId, resource, namespace, name, REQUEST[action].suffix), {
        method: REQUEST[action].method,
        body: action === "scale" ? { replicas: Number(replicas) } : undefined,
      }),
    onSuccess: async () => {
      setPending(null);
      await queryClient.invalidateQueries({ queryKey: explorerKeys.cluster(clusterId) });
    },
  });
  const open = (action: Action) => {
    mutation.reset();
    if (action === "scale") setReplicas(String(currentReplicas));
    setPending(action);
  };
  const close = () => setPending(null);
  const error = mutation.error ? errorMessage(mutation.error) : null;
  const paused = (object.spec as { paused?: boolean } | undefined)?.paused === true;
  const unschedulable = (object.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true;
  const replicasValid = /^\d+$/.test(replicas) && Number(replicas) <= 1000;

  return (
    <div className="flex flex-wrap gap-2" data-testid="object-actions">
      {resource === "pods" ? (
        <Button variant="danger" size="sm" onClick={() => open("delete")}>
          {t("deletePod")}
        </Button>
      ) : null}
      {resource === "deployments" ? (
        <>
          <Button size="sm" onClick={() => open("restart")}>
            {t("restart")}
          </Button>
          <Button size="sm" onClick={() => open("scale")}>
            {t("scale")}
          </Button>
          <Button size="sm" onClick={() => open(paused ? "resume" : "pause")}>
            {paused ? t("resume") : t("pause")}
          </Button>
        </>
      ) : null}
      {resource === "nodes" ? (
        <Button size="sm" onClick={() => open(unschedulable ? "uncordon" : "cordon")}>
          {unschedulable ? t("uncordon") : t("cordon")}
        </Button>
      ) : null}

      <ConfirmDialog
        open={pending !== null && pending !== "scale"}
        title={pending && pending !== "scale" ? t(`${pending}Title`, { name }) : ""}
        body={pending && pending !== "scale" ? t(`${pending}Body`, { name, namespace }) : ""}
        confirmLabel={pending && pending !== "scale" ? t(`${pending}Confirm`) : ""}
        danger={pending === "delete"}
        pending={mutation.isPending}
        error={error}
        onConfirm={() => pending && mutation.mutate(pending)}
        onCancel={close}
      />
      <Dialog
        open={pending === "scale"}
        onClose={close}
        title={t("scaleTitle", { name })}
        footer={
          <>
            <Button onClick={close}>{t("cancel")}</Button>
            <Button variant="primary" disabled={!replicasValid || mutation.isPending} onClick={() => mutation.mutate("scale")}>
              {t("scaleConfirm")}
            </Button>
          </>
        }
      >
        <p className="text-sm text-slate-300">{t("scaleBody", { name, current: currentReplicas })}</p>
        <TextField label={t("replicas")} type="number" min={0} max={1000} value={replicas} onChange={(e) => setReplicas(e.target.value)} error={replicasValid ? undefined : t("replicasInvalid")} />
        <FormError message={error} />
      </Dialog>
    </div>
  );
}
