"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { apiFetch, ApiClientError } from "@/lib/client/api-client";
import { clusterKeys } from "@/lib/client/clusters";
import type { TCluster, TCreateCluster } from "@/lib/shared/clusters/clusters.schema";
import { parseLabelsText } from "@/lib/shared/clusters/labels-text";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { ClusterFormFields, readClusterForm } from "./cluster-form-fields";
import { ImportCommands } from "./import-commands";
import { FormError } from "@/components/ui/form-error";

/** Step 1: name the cluster. Step 2: the import commands (shown once). */
export function ImportClusterDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations("clusters");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<TCluster | null>(null);
  const create = useMutation({
    mutationFn: (body: TCreateCluster) => apiFetch<TCluster>("/api/v1/clusters", { method: "POST", body }),
    onSuccess: async (cluster) => {
      setCreated(cluster);
      await queryClient.invalidateQueries({ queryKey: clusterKeys.all() });
    },
    onError: (err) => setFields(err instanceof ApiClientError ? err.fields : {}),
  });

  function close() {
    setCreated(null);
    setFields({});
    create.reset();
    onClose();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = readClusterForm(form);
    const labels = parseLabelsText(values.labelsText);
    if ("error" in labels) return setFields({ labels: labels.error });
    setFields({});
    create.mutate({
      name: String(form.get("name") ?? "").trim(),
      displayName: values.displayName || undefined,
      description: values.description || undefined,
      region: values.region || undefined,
      site: values.site || undefined,
      labels: labels.labels,
    });
  }

  const hasFieldErrors = create.error instanceof ApiClientError && Object.keys(create.error.fields).length > 0;
  const generalError = create.error && !hasFieldErrors ? errorMessage(create.error) : null;
  return (
    <Dialog open={open} onClose={close} title={created ? t("import.title", { name: created.name }) : t("importTitle")}>
      {created?.importCommands ? (
        <div className="space-y-4">
          <ImportCommands commands={created.importCommands} caChecksum={created.caChecksum} />
          <div className="flex justify-end gap-2">
            <Button onClick={close}>{t("close")}</Button>
            <Link href={`/clusters/${created.id}`} onClick={close} className="rounded-md bg-sky-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-sky-500">
              {t("openCluster")}
            </Link>
          </div>
        </div>
      ) : (
        <form onSubmit={onSubmit} className="space-y-3" noValidate>
          <TextField
            label={t("form.name")}
            name="name"
            required
            autoComplete="off"
            hint={t("form.nameRules")}
            error={fields.name ? (create.error instanceof ApiClientError && create.error.code === "conflict" ? t("form.nameTaken") : t("form.nameRules")) : undefined}
          />
          <ClusterFormFields fields={fields} />
          <FormError message={generalError} />
          <div className="flex justify-end gap-2 pt-2">
            <Button onClick={close}>{t("cancel")}</Button>
            <Button type="submit" variant="primary" disabled={create.isPending}>
              {t("createAndShowCommands")}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
