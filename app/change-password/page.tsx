import { getTranslations } from "next-intl/server";
import { ForcedPasswordChange } from "@/components/auth/forced-password-change";
import { requirePagePrincipal } from "@/lib/server/auth/get-page-principal";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("password");
  return { title: t("title") };
}

export default async function ChangePasswordPage() {
  const principal = await requirePagePrincipal({ allowDuringPasswordChange: true });
  const t = await getTranslations("password");
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-md space-y-4 rounded-lg border border-slate-800 bg-slate-900/70 p-6 shadow-xl">
        <h1 className="text-lg font-semibold text-white">{t("title")}</h1>
        <p className="text-sm text-slate-400">
          {principal.mustChangePassword ? t("forcedIntro", { username: principal.username }) : t("intro")}
        </p>
        <ForcedPasswordChange />
      </div>
    </main>
  );
}
