"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ChangePasswordForm } from "@/components/auth/change-password-form";

export function AccountPassword() {
  const t = useTranslations("password");
  const [done, setDone] = useState(false);
  return (
    <div className="space-y-3">
      {done ? <p role="status" className="text-sm text-emerald-400">{t("changed")}</p> : null}
      <ChangePasswordForm onDone={() => setDone(true)} />
    </div>
  );
}
