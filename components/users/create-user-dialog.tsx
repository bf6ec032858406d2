"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { apiFetch, ApiClientError } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import { USER_ROLES, type TCreateUser, type TUser } from "@/lib/shared/users/users.schema";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { FormError } from "@/components/ui/form-error";

export function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations("users");
  const tRole = useTranslations("roles");
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [fields, setFields] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: (body: TCreateUser) => apiFetch<TUser>("/api/v1/users", { method: "POST", body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.users() });
      onClose();
    },
    onError: (err) => setFields(err instanceof ApiClientError ? err.fields : {}),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFields({});
    create.mutate({
      username: String(form.get("username") ?? "").trim(),
      displayName: String(form.get("displayName") ?? "").trim() || undefined,
      role: String(form.get("role")) as TCreateUser["role"],
      password: String(form.get("password") ?? ""),
      mustChangePassword: form.get("mustChangePassword") === "on",
    });
  }

  const generalError = create.error && !(create.error instanceof ApiClientError && create.error.code === "validation_failed") ? errorMessage(create.error) : null;
  return (
    <Dialog open={open} onClose={onClose} title={t("createTitle")}>
      <form id="create-user" onSubmit={onSubmit} className="space-y-3" noValidate>
        <TextField label={t("username")} name="username" autoComplete="off" hint={t("usernameRules")} error={fields.username ? t("usernameRules") : undefined} required />
        <TextField label={t("displayName")} name="displayName" autoComplete="off" />
        <SelectField label={t("role")} name="role" defaultValue="viewer">
          {USER_ROLES.map((r) => (
            <option key={r} value={r}>
              {tRole(r)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("initialPassword")} name="password" type="password" autoComplete="new-password" hint={t("passwordRules")} error={fields.password ? t("passwordRules") : undefined} required />
        <label className="flex items-center gap-2 text-sm text-slate-300">
          <input type="checkbox" name="mustChangePassword" defaultChecked className="h-4 w-4" />
          {t("mustChange")}
        </label>
        <FormError message={generalError} />
        <div className="flex justify-end gap-2 pt-2">
          <Button onClick={onClose}>{t("cancel")}</Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {t("create")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
