import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { LocaleSwitcher } from "@/components/auth/locale-switcher";
import { LoginForm } from "@/components/auth/login-form";
import { optionalPagePrincipal } from "@/lib/server/auth/get-page-principal";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage() {
  if (await optionalPagePrincipal()) redirect("/fleet");
  const t = await getTranslations("login");
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm space-y-6">
        <div className="space-y-1 text-center">
          <p className="text-3xl font-bold tracking-tight text-white">Outpost</p>
          <p className="text-sm text-slate-400">{t("subtitle")}</p>
        </div>
        <div className="rounded-lg border border-slate-800 bg-slate-900/70 p-6 shadow-xl">
          <h1 className="mb-4 text-lg font-semibold text-white">{t("title")}</h1>
          <Suspense>
            <LoginForm />
          </Suspense>
        </div>
        <div className="flex justify-center">
          <LocaleSwitcher signedIn={false} />
        </div>
      </div>
    </main>
  );
}
