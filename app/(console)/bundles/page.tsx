import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Suspense } from "react";
import { BundlesList } from "@/components/bundles/bundles-list";
import { PageHeader } from "@/components/shell/page-header";
import { requirePagePrincipal } from "@/lib/server/auth/get-page-principal";
import { can } from "@/lib/shared/permissions";

export async function generateMetadata() {
  const t = await getTranslations("bundles");
  return { title: t("title") };
}

export default async function BundlesPage() {
  const principal = await requirePagePrincipal();
  const t = await getTranslations("bundles");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <div className="flex gap-2">
            <Link href="/bundles/groups" className="rounded-md border border-slate-700 px-3.5 py-2 text-sm font-medium text-slate-200 hover:bg-slate-800">
              {t("groupsLink")}
            </Link>
            <Link href="/bundles/upgrade" className="rounded-md border border-slate-700 px-3.5 py-2 text-sm font-medium text-slate-200 hover:bg-slate-800">
              {t("upgradeLink")}
            </Link>
            {can(principal.role, "bundles:write") ? (
              <Link href="/bundles/new" className="rounded-md bg-sky-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-sky-500">
                {t("create")}
              </Link>
            ) : null}
          </div>
        }
      />
      <Suspense>
        <BundlesList />
      </Suspense>
    </>
  );
}
