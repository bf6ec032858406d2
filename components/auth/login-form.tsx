"use client";

import { useTranslations } from "next-intl";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch, ApiClientError } from "@/lib/client/api-client";
import type { TUser } from "@/lib/shared/users/users.schema";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";

/** Only same-site paths are followed after login (no open redirect). */
function safeNext(value: string | null): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/fleet";
}

export function LoginForm() {
  const t = useTranslations("login");
  const errorMessage = useErrorMessage();
  const router = useRouter();
  const search = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const { user } = await apiFetch<{ user: TUser }>("/api/v1/session", {
        method: "POST",
        body: { username: String(form.get("username") ?? ""), password: String(form.get("password") ?? "") },
      });
      router.replace(user.mustChangePassword ? "/change-password" : safeNext(search.get("next")));
      router.refresh();
    } catch (err) {
      setError(err instanceof ApiClientError && err.code === "validation_failed" ? t("missingFields") : errorMessage(err));
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <TextField label={t("username")} name="username" autoComplete="username" autoCapitalize="none" required autoFocus />
      <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required />
      {error ? (
        <p role="alert" className="rounded-md border border-rose-800 bg-rose-950/50 px-3 py-2 text-sm text-rose-200">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" className="w-full" disabled={pending}>
        {pending ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
