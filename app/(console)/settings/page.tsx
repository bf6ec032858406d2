import { getTranslations } from "next-intl/server";
import { AgentUrlSettings } from "@/components/settings/agent-url-settings";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/shell/page-header";
import { requirePagePrincipal } from "@/lib/server/auth/get-page-principal";
import { can } from "@/lib/shared/permissions";

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

export default async function SettingsPage() {
  const principal = await requirePagePrincipal();
  const t = await getTranslations("settings");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {can(principal.role, "settings:write") ? <AgentUrlSettings /> : <Forbidden />}
    </>
  );
}
