"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { apiFetch, ApiClientError } from "@/lib/client/api-client";
import type { TUser } from "@/lib/shared/users/users.schema";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { FormError } from "@/components/ui/form-error";

export function ResetPasswordDialog({ user, onClose }: { user: TUser | null; onClose: () => void }) {
  const t = useTranslations("users");
  const errorMessage = useErrorMessage();
  const [fieldError, setFieldError] = useState<string | undefined>();
  const reset = useMutation({
    mutationFn: (password: string) => apiFetch(`/api/v1/users/${user?.id}/password`, { method: "POST", body: { password, mustChangePassword: true } }),
    onSuccess: onClose,
    onError: (err) => setFieldError(err instanceof ApiClientError && err.fields.password ? t("passwordRules") : undefined),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFieldError(undefined);
    reset.mutate(String(new FormData(event.currentTarget).get("password") ?? ""));
  }

  return (
    <Dialog open={user !== null} onClose={onClose} title={t("resetTitle", { username: user?.username ?? "" })}>
      <form onSubmit={onSubmit} className="space-y-3" noValidate>
        <p className="text-sm text-slate-400">{t("resetBody")}</p>
        <TextField label={t("newPassword")} name="password" type="password" autoComplete="new-password" hint={t("passwordRules")} error={fieldError} required />
        <FormError message={reset.error && !fieldError ? errorMessage(reset.error) : null} />
        <div className="flex justify-end gap-2 pt-2">
          <Button onClick={onClose}>{t("cancel")}</Button>
          <Button type="submit" variant="danger" disabled={reset.isPending}>
            {t("resetConfirm")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
