"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useErrorMessage } from "@/components/ui/use-error-message";

type Action = "trigger" | "suspend" | "resume";

/**
 * A CronJob's actions: "Run now" (a Job from its template, `kubectl create job --from`) and
 * suspend/resume of its schedule, each behind a confirmation; operators and admins only.
 */
export function CronJobActions({ clusterId, object }: { clusterId: string; object: { metadata?: { name?: string; namespace?: string }; spec?: unknown } }) {
  const t = useTranslations("workloadActions");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const name = object.metadata?.name ?? "";
  const namespace = object.metadata?.namespace ?? "";
  const suspended = (object.spec as { suspend?: boolean } | undefined)?.suspend === true;
  const [pending, setPending] = useState<Action | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (action: Action) => apiFetch<{ job?: string }>(`/api/v1/clusters/${encodeURIComponent(clusterId)}/cronjobs/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}/${action}`, { method: "POST" }),
    onSuccess: async (result) => {
      setPending(null);
      setCreated(result.job ?? null);
      await queryClient.invalidateQueries({ queryKey: ["k8s", clusterId] });
    },
  });
  const open = (action: Action) => {
    run.reset();
    setPending(action);
  };
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="cronjob-actions">
      <Button size="sm" onClick={() => open("trigger")}>
        {t("trigger")}
      </Button>
      <Button size="sm" onClick={() => open(suspended ? "resume" : "suspend")}>
        {suspended ? t("resume") : t("suspend")}
      </Button>
      {created ? (
        <span role="status" className="font-mono text-xs text-emerald-300">
          {t("triggered", { job: created })}
        </span>
      ) : null}
      <ConfirmDialog
        open={pending !== null}
        title={pending ? t(`${pending}Title`, { name }) : ""}
        body={pending ? t(`${pending}Body`, { name, namespace }) : ""}
        confirmLabel={pending ? t(`${pending}Confirm`) : ""}
        pending={run.isPending}
        error={run.error ? errorMessage(run.error) : null}
        onConfirm={() => pending && run.mutate(pending)}
        onCancel={() => setPending(null)}
      />
    </div>
  );
}
