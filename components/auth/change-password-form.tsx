"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { apiFetch, ApiClientError } from "@/lib/client/api-client";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { FormError } from "@/components/ui/form-error";

type Fields = Partial<Record<"currentPassword" | "newPassword" | "confirm", string>>;

/** Change own password; `onDone` runs after success (navigate on, or show a notice). */
export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const t = useTranslations("password");
  const errorMessage = useErrorMessage();
  const [fields, setFields] = useState<Fields>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("newPassword") ?? "");
    if (newPassword !== String(form.get("confirm") ?? "")) {
      setFields({ confirm: t("mismatch") });
      return;
    }
    setPending(true);
    setFields({});
    setError(null);
    try {
      await apiFetch("/api/v1/me/password", { method: "POST", body: { currentPassword, newPassword } });
      formElement.reset();
      onDone();
    } catch (err) {
      if (err instanceof ApiClientError && err.code === "validation_failed") {
        setFields({
          currentPassword: err.fields.currentPassword ? t("currentWrong") : undefined,
          newPassword: err.fields.newPassword ? (err.fields.newPassword.startsWith("must differ") ? t("mustDiffer") : t("rules")) : undefined,
        });
      } else setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <TextField label={t("current")} name="currentPassword" type="password" autoComplete="current-password" error={fields.currentPassword} required />
      <TextField label={t("new")} name="newPassword" type="password" autoComplete="new-password" hint={t("rules")} error={fields.newPassword} required />
      <TextField label={t("confirm")} name="confirm" type="password" autoComplete="new-password" error={fields.confirm} required />
      <FormError message={error} />
      <Button type="submit" variant="primary" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
