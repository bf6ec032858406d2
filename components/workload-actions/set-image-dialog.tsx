"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { explorerKeys } from "@/lib/client/explorer/explorer-keys";
import { ZSetImageBodySchema, type TSetImageResource } from "@/lib/shared/workload-actions/workload-actions.schema";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { FormError } from "@/components/ui/form-error";

type Container = { name: string; image?: string };
type PodSpec = { containers?: Container[]; initContainers?: Container[] };

/** The containers of an object's pod template (a CronJob's is inside its jobTemplate), init containers last. */
function containersOf(resource: TSetImageResource, object: { spec?: unknown }): Container[] {
  const spec = object.spec as { template?: { spec?: PodSpec }; jobTemplate?: { spec?: { template?: { spec?: PodSpec } } } } | undefined;
  const pod = resource === "cronjobs" ? spec?.jobTemplate?.spec?.template?.spec : spec?.template?.spec;
  return [...(pod?.containers ?? []), ...(pod?.initContainers ?? [])];
}

/**
 * "Set image" (`kubectl set image`): pick a container, type the new image, confirm the
 * change from the old image to the new one. Operators and admins only; audited.
 */
export function SetImageDialog({ clusterId, resource, object }: { clusterId: string; resource: TSetImageResource; object: { metadata?: { name?: string; namespace?: string }; spec?: unknown } }) {
  const t = useTranslations("workloadActions");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const containers = containersOf(resource, object);
  const name = object.metadata?.name ?? "";
  const namespace = object.metadata?.namespace ?? "";
  const [open, setOpen] = useState(false);
  const [container, setContainer] = useState("");
  const [image, setImage] = useState("");
  const chosen = containers.find((c) => c.name === container) ?? containers[0];
  const parsed = ZSetImageBodySchema.safeParse({ container: chosen?.name ?? "", image: image.trim() });
  const unchanged = image.trim() === (chosen?.image ?? "");
  const run = useMutation({
    mutationFn: () => apiFetch(`/api/v1/clusters/${encodeURIComponent(clusterId)}/${resource}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}/image`, { method: "POST", body: { container: chosen?.name, image: image.trim() } }),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: explorerKeys.cluster(clusterId) });
    },
  });
  const show = () => {
    run.reset();
    setContainer(containers[0]?.name ?? "");
    setImage(containers[0]?.image ?? "");
    setOpen(true);
  };
  const pick = (next: string) => {
    setContainer(next);
    setImage(containers.find((c) => c.name === next)?.image ?? "");
  };
  if (containers.length === 0) return null;
  return (
    <>
      <Button size="sm" onClick={show}>
        {t("setImage")}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("setImageTitle", { name })}
        footer={
          <>
            <Button onClick={() => setOpen(false)}>{t("cancel")}</Button>
            <Button variant="primary" disabled={!parsed.success || unchanged || run.isPending} onClick={() => run.mutate()}>
              {t("setImageConfirm")}
            </Button>
          </>
        }
      >
        <SelectField label={t("container")} value={chosen?.name ?? ""} onChange={(e) => pick(e.target.value)}>
          {containers.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t("image")} value={image} spellCheck={false} autoComplete="off" onChange={(e) => setImage(e.target.value)} error={image.trim() && !parsed.success ? t("imageInvalid") : undefined} />
        {parsed.success && !unchanged ? <p className="font-mono text-xs text-slate-300" data-testid="set-image-change">{t("setImageChange", { from: chosen?.image ?? "", to: image.trim() })}</p> : null}
        <FormError message={run.error ? errorMessage(run.error) : null} />
      </Dialog>
    </>
  );
}
