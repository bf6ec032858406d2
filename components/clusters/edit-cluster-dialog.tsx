"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { apiFetch, ApiClientError } from "@/lib/client/api-client";
import { clusterKeys } from "@/lib/client/clusters";
import type { TCluster, TUpdateCluster } from "@/lib/shared/clusters/clusters.schema";
import { formatLabelsText, parseLabelsText } from "@/lib/shared/clusters/labels-text";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { ClusterFormFields, readClusterForm } from "./cluster-form-fields";
import { FormError } from "@/components/ui/form-error";

export function EditClusterDialog({ cluster, open, onClose }: { cluster: TCluster; open: boolean; onClose: () => void }) {
  const t = useTranslations("clusters");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [fields, setFields] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: TUpdateCluster) => apiFetch<TCluster>(`/api/v1/clusters/${cluster.id}`, { method: "PATCH", body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: clusterKeys.all() });
      onClose();
    },
    onError: (err) => setFields(err instanceof ApiClientError ? err.fields : {}),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = readClusterForm(new FormData(event.currentTarget));
    const labels = parseLabelsText(values.labelsText);
    if ("error" in labels) return setFields({ labels: labels.error });
    setFields({});
    save.mutate({
      displayName: values.displayName || cluster.name,
      description: values.description,
      region: values.region || null,
      site: values.site || null,
      labels: labels.labels,
    });
  }

  return (
    <Dialog open={open} onClose={onClose} title={t("editTitle", { name: cluster.name })}>
      <form onSubmit={onSubmit} className="space-y-3" noValidate>
        <ClusterFormFields
          fields={fields}
          values={{ displayName: cluster.displayName, description: cluster.description, region: cluster.region, site: cluster.site, labelsText: formatLabelsText(cluster.labels) }}
        />
        <FormError message={save.error && !Object.keys(fields).length ? errorMessage(save.error) : null} />
        <div className="flex justify-end gap-2 pt-2">
          <Button onClick={onClose}>{t("cancel")}</Button>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {t("save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
