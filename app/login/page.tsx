import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { LocaleSwitcher } from "@/components/auth/locale-switcher";
import { LoginForm } from "@/components/auth/login-form";
import { optionalPagePrincipal } from "@/lib/server/auth/get-page-principal";
import { getRuntimeContext } from "@/lib/server/runtime/runtime-context";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ sso?: string }> }) {
  if (await optionalPagePrincipal()) redirect("/fleet");
  const t = await getTranslations("login");
  const sso = getRuntimeContext().config.oidc;
  const ssoFailed = (await searchParams).sso === "failed";
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
          {sso ? (
            <div className="mt-4 space-y-2 border-t border-slate-800 pt-4">
              {ssoFailed ? (
                <p role="alert" className="text-sm text-rose-400">
                  {t("ssoFailed")}
                </p>
              ) : null}
              {/* A plain link: the route answers with a redirect to the provider's login page. */}
              <a href="/api/v1/session/oidc" data-testid="sso-sign-in" className="block rounded-md border border-slate-700 px-3 py-2 text-center text-sm font-medium text-slate-100 hover:border-sky-500">
                {t("ssoSignIn", { name: sso.name })}
              </a>
            </div>
          ) : null}
        </div>
        <div className="flex justify-center">
          <LocaleSwitcher signedIn={false} />
        </div>
      </div>
    </main>
  );
}
