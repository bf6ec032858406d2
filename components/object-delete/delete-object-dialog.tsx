"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-client";
import { needsTypedName, PROPAGATION_POLICIES, type TDeleteObjectResult, type TPropagationPolicy } from "@/lib/shared/object-delete/object-delete.schema";
import { resourceApiHref, resourcePageHref } from "@/lib/shared/resources/resource-path";
import type { TApiResource } from "@/lib/shared/resources/resources.schema";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { FormError } from "@/components/ui/form-error";

/**
 * "Delete" on any object: the propagation policy (what happens to its dependents, as
 * `kubectl delete --cascade`), and for cluster-wide objects or cascading deletes the
 * object's name typed to confirm. Operators and admins only; audited.
 */
export function DeleteObjectDialog({ clusterId, resource, namespace, name, dependents }: { clusterId: string; resource: TApiResource; namespace: string; name: string; dependents: number }) {
  const t = useTranslations("objectDelete");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [policy, setPolicy] = useState<TPropagationPolicy>("Background");
  const [typed, setTyped] = useState("");
  const at = { namespace: namespace || undefined, name };
  const mustType = needsTypedName({ namespaced: resource.namespaced, children: dependents, policy });
  const run = useMutation({
    mutationFn: () => apiFetch<TDeleteObjectResult>(`${resourceApiHref(clusterId, resource, at)}?propagationPolicy=${policy}`, { method: "DELETE" }),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: ["k8s", clusterId] });
      router.push(resourcePageHref(clusterId, resource, namespace ? { namespace } : {}));
    },
  });
  const show = () => {
    run.reset();
    setPolicy("Background");
    setTyped("");
    setOpen(true);
  };
  if (!resource.verbs.includes("delete")) return null;
  return (
    <>
      <Button size="sm" variant="danger" onClick={show}>
        {t("open")}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("title", { kind: resource.kind, name })}
        footer={
          <>
            <Button onClick={() => setOpen(false)}>{t("cancel")}</Button>
            <Button variant="danger" disabled={(mustType && typed !== name) || run.isPending} onClick={() => run.mutate()}>
              {t("confirm")}
            </Button>
          </>
        }
      >
        <p className="text-sm text-slate-300">{namespace ? t("bodyNamespaced", { kind: resource.kind, name, namespace }) : t("bodyCluster", { kind: resource.kind, name })}</p>
        <fieldset className="space-y-1" aria-label={t("policy")}>
          <legend className="text-sm font-medium text-slate-300">{t("policy")}</legend>
          {PROPAGATION_POLICIES.map((p) => (
            <label key={p} className="flex items-baseline gap-2 text-sm text-slate-200">
              <input type="radio" name="propagationPolicy" checked={policy === p} onChange={() => setPolicy(p)} />
              <span className="font-mono">{p}</span>
              <span className="text-xs text-slate-400">{t(`policies.${p}`)}</span>
            </label>
          ))}
        </fieldset>
        {mustType ? <TextField label={t("typeName", { name })} value={typed} spellCheck={false} autoComplete="off" onChange={(e) => setTyped(e.target.value)} /> : null}
        <FormError message={run.error ? errorMessage(run.error) : null} />
      </Dialog>
    </>
  );
}
