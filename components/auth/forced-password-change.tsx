"use client";

import { useRouter } from "next/navigation";
import { ChangePasswordForm } from "./change-password-form";

export function ForcedPasswordChange() {
  const router = useRouter();
  return (
    <ChangePasswordForm
      onDone={() => {
        router.replace("/fleet");
        router.refresh();
      }}
    />
  );
}
