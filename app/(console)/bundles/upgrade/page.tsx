import { getTranslations } from "next-intl/server";
import { K3sUpgradeForm } from "@/components/bundles/k3s-upgrade-form";
import { PageHeader } from "@/components/shell/page-header";
import { requirePagePrincipal } from "@/lib/server/auth/get-page-principal";
import { can } from "@/lib/shared/permissions";

export async function generateMetadata() {
  const t = await getTranslations("upgrades");
  return { title: t("title") };
}

/** k3s upgrades: the fleet's version spread and (for admins) the form that starts one. */
export default async function K3sUpgradePage() {
  const principal = await requirePagePrincipal();
  const t = await getTranslations("upgrades");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <K3sUpgradeForm canWrite={can(principal.role, "upgrades:write")} />
    </>
  );
}
