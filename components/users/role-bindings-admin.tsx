"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ApiClientError } from "@/lib/client/api-client";
import { clusterGroupKeys, fetchClusterGroups } from "@/lib/client/cluster-groups";
import { createRoleBinding, deleteRoleBinding, fetchRoleBindings, roleBindingKeys } from "@/lib/client/role-bindings";
import { BINDING_SUBJECTS, type TRoleBinding, type TRoleBindingInput } from "@/lib/shared/access/role-bindings.schema";
import { ROLES, type TRole } from "@/lib/shared/users/users.schema";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable } from "@/components/ui/data-table";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Badge, EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";

/** Role bindings (admin): a role for a user or an IdP group, everywhere or on one cluster group. */
export function RoleBindingsAdmin() {
  const t = useTranslations("roleBindings");
  const tRole = useTranslations("roles");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<TRoleBinding | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const bindings = useQuery({ queryKey: roleBindingKeys.all(), queryFn: () => fetchRoleBindings() });
  const groups = useQuery({ queryKey: clusterGroupKeys.all(), queryFn: ({ signal }) => fetchClusterGroups(signal) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: roleBindingKeys.all() });
  const create = useMutation({
    mutationFn: createRoleBinding,
    onSuccess: async () => {
      setFields({});
      await refresh();
    },
    onError: (err) => setFields(err instanceof ApiClientError ? err.fields : {}),
  });
  const remove = useMutation({
    mutationFn: (b: TRoleBinding) => deleteRoleBinding(b.id),
    onSuccess: async () => {
      setRemoving(null);
      await refresh();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const group = String(form.get("clusterGroup") ?? "");
    create.mutate({
      subjectKind: String(form.get("subjectKind")) as TRoleBindingInput["subjectKind"],
      subject: String(form.get("subject") ?? "").trim(),
      role: String(form.get("role")) as TRole,
      clusterGroup: group === "" ? null : group,
    });
  }

  const generalError = create.error && !(create.error instanceof ApiClientError && create.error.code === "validation_failed" && Object.keys(create.error.fields).length > 0) ? errorMessage(create.error) : null;
  return (
    <section className="space-y-4" aria-labelledby="role-bindings-title">
      <div>
        <h2 id="role-bindings-title" className="text-lg font-semibold text-white">
          {t("title")}
        </h2>
        <p className="text-sm text-slate-400">{t("description")}</p>
      </div>
      <form onSubmit={onSubmit} className="grid grid-cols-1 items-end gap-3 rounded-md border border-slate-800 p-3 md:grid-cols-5" noValidate data-testid="role-binding-form">
        <SelectField label={t("subjectKind")} name="subjectKind" defaultValue="group">
          {BINDING_SUBJECTS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("subject")} name="subject" autoComplete="off" hint={t("subjectHint")} error={fields.subject ? t("subjectUnknown") : undefined} required />
        <SelectField label={t("role")} name="role" defaultValue="viewer">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tRole(r)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("scope")} name="clusterGroup" defaultValue="" error={fields.clusterGroup ? t("groupUnknown") : undefined}>
          <option value="">{t("everywhere")}</option>
          {(groups.data?.items ?? []).map((g) => (
            <option key={g.id} value={g.name}>
              {g.name}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {t("add")}
        </Button>
        <div className="md:col-span-5">
          <FormError message={generalError} />
        </div>
      </form>
      {bindings.isPending ? <LoadingState /> : null}
      {bindings.isError ? <ErrorState message={errorMessage(bindings.error)} onRetry={() => void bindings.refetch()} /> : null}
      {bindings.data && bindings.data.items.length === 0 ? <EmptyState title={t("empty")} /> : null}
      {bindings.data && bindings.data.items.length > 0 ? (
        <DataTable label={t("title")} columns={[t("subjectKind"), t("subject"), t("role"), t("scope"), { label: t("actions"), align: "right" }]}>
          {bindings.data.items.map((b) => (
            <tr key={b.id} data-testid={`binding-${b.subjectKind}-${b.subject}`} className="hover:bg-slate-900/60">
              <td className="px-4 py-2">{t(`kind.${b.subjectKind}`)}</td>
              <td className="px-4 py-2 font-mono text-slate-100">{b.subject}</td>
              <td className="px-4 py-2">
                <Badge tone={b.role === "admin" ? "sky" : b.role === "operator" ? "amber" : "slate"}>{tRole(b.role)}</Badge>
              </td>
              <td className="px-4 py-2">{b.clusterGroup ? b.clusterGroup.name : t("everywhere")}</td>
              <td className="px-4 py-2 text-right">
                <Button size="sm" variant="danger" onClick={() => (remove.reset(), setRemoving(b))}>
                  {t("remove")}
                </Button>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t("removeTitle")}
        body={removing ? t("removeBody", { subject: removing.subject, role: tRole(removing.role), scope: removing.clusterGroup?.name ?? t("everywhere") }) : ""}
        confirmLabel={t("remove")}
        danger
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => setRemoving(null)}
      />
    </section>
  );
}
