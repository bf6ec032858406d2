"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/client/api-client";
import type { TRole } from "@/lib/shared/users/users.schema";
import { LocaleSwitcher } from "@/components/auth/locale-switcher";
import { Badge } from "@/components/ui/states";

/** `role` = the global role; `null` with scoped roles only (the badge says "Scoped"). */
export function UserMenu({ username, role }: { username: string; role: TRole | null }) {
  const t = useTranslations("userMenu");
  const tRole = useTranslations("roles");
  const router = useRouter();

  async function signOut() {
    const result = await apiFetch<{ logoutUrl?: string | null }>("/api/v1/session", { method: "DELETE" }).catch(() => null);
    // Signed in through the identity provider: end its session too (it sends the browser back to /login).
    if (result?.logoutUrl) {
      window.location.assign(result.logoutUrl);
      return;
    }
    router.replace("/login");
    router.refresh();
  }

  return (
    <div className="space-y-3 border-t border-slate-800 pt-4" data-testid="user-menu">
      <div className="flex items-center justify-between gap-2">
        <span className="truncate text-sm font-medium text-slate-200" data-testid="current-user">
          {username}
        </span>
        <Badge tone={role === "admin" ? "sky" : role === "operator" ? "amber" : "slate"}>{tRole(role ?? "scoped")}</Badge>
      </div>
      <LocaleSwitcher signedIn />
      <div className="flex flex-col gap-1 text-sm">
        <Link href="/account" className="rounded px-2 py-1 text-slate-400 hover:bg-slate-900 hover:text-white">
          {t("account")}
        </Link>
        <button type="button" onClick={() => void signOut()} className="rounded px-2 py-1 text-left text-slate-400 hover:bg-slate-900 hover:text-white">
          {t("signOut")}
        </button>
      </div>
    </div>
  );
}
