import { getTranslations } from "next-intl/server";
import { CreateBundleForm } from "@/components/bundles/create-bundle-form";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { requirePagePrincipal } from "@/lib/server/auth/get-page-principal";
import { can } from "@/lib/shared/permissions";

export async function generateMetadata() {
  const t = await getTranslations("bundles.form");
  return { title: t("title") };
}

export default async function NewBundlePage() {
  const principal = await requirePagePrincipal();
  const t = await getTranslations("bundles.form");
  return (
    <>
      <PageHeader title={t("title")} />
      {can(principal.role, "bundles:write") ? <CreateBundleForm /> : <Forbidden />}
    </>
  );
}
