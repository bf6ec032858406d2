import { getTranslations } from "next-intl/server";
import { AccountPassword } from "@/components/account/account-password";
import { ApiTokensPanel } from "@/components/account/api-tokens-panel";
import { PageHeader } from "@/components/shell/page-header";
import { requirePagePrincipal } from "@/lib/server/auth/get-page-principal";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage() {
  const principal = await requirePagePrincipal();
  const t = await getTranslations("account");
  return (
    <>
      <PageHeader title={t("title")} description={t("signedInAs", { username: principal.username })} />
      <div className="grid gap-8 xl:grid-cols-2">
        <section className="space-y-3">
          <h2 className="text-lg font-semibold text-white">{t("password")}</h2>
          <div className="max-w-md">
            <AccountPassword />
          </div>
        </section>
        <section className="space-y-3">
          <h2 className="text-lg font-semibold text-white">{t("tokens")}</h2>
          <p className="text-sm text-slate-400">{t("tokensIntro")}</p>
          <ApiTokensPanel />
        </section>
      </div>
    </>
  );
}
